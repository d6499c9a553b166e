package org.oreka.audio.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.oreka.sdk.capture.CapturedFrame;

/**
 * Reads and decodes a capture in a loop: checks that the common path allocates nothing per frame, and prints the
 * frame rate for the record (no timed assertion: machines differ).
 */
class DecodeThroughputTest {

    private static final Path CAPTURE = Captures.capture("synth-3-concurrent-calls.pcap");
    private static final int FRAMES = 1321;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Reads the whole capture once through {@code decoder}; returns the UDP datagrams decoded. */
    private static int pass(PacketDecoder decoder, CapturedFrame frame) throws IOException {
        int udp = 0;
        try (CaptureFileReader reader = CaptureFileReader.open(CAPTURE)) {
            while (reader.next(frame)) {
                if (decoder.decode(frame) != null) {
                    udp++;
                }
            }
        }
        return udp;
    }

    @Test
    void readingAndDecodingAllocateNothingPerFrame() throws IOException {
        PacketDecoder decoder = new PacketDecoder(true);
        CapturedFrame frame = new CapturedFrame();
        for (int i = 0; i < 20; i++) {
            pass(decoder, frame);
        }
        try (CaptureFileReader reader = CaptureFileReader.open(CAPTURE)) {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            int frames = 0;
            while (reader.next(frame)) {
                decoder.decode(frame);
                frames++;
            }
            long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
            assertEquals(FRAMES, frames);
            assertTrue(allocated < FRAMES, allocated + " bytes allocated for " + frames + " frames");
        }
    }

    @Test
    void everyPassDecodesTheSameAndTheRateIsReported() throws IOException {
        PacketDecoder decoder = new PacketDecoder(true);
        CapturedFrame frame = new CapturedFrame();
        for (int i = 0; i < 50; i++) {
            assertEquals(FRAMES, pass(decoder, frame));
        }
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        int passes = 0;
        while (System.nanoTime() - wallStart < 1_000_000_000L) {
            assertEquals(FRAMES, pass(decoder, frame));
            passes++;
        }
        long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuStart;
        long frames = (long) passes * FRAMES;
        System.out.printf("read + decode %s: %,d frames in %.2f s CPU = %,.0f frames per CPU-second%n",
                CAPTURE.getFileName(), frames, cpuNanos / 1e9, frames / (cpuNanos / 1e9));
    }
}
