package org.oreka.audio.net;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oreka.sdk.capture.CapturedFrame;

/**
 * Reads corrupted copies of pcap and pcapng captures: opening may be refused with {@link CaptureFileException},
 * but nothing else may go wrong, reading must end, and every frame must lie inside the reader's buffer.
 */
class CaptureFileReaderFuzzTest {

    private static final long SEED = Long.getLong("oreka.fuzz.seed", 0x0BE4AL);
    private static final String[] FILES = {"sipp-dtmf_2833_1.pcap", "ndpi-rtp.pcapng", "synth-ipv6-call.pcapng",
        "hep-erspan_sip_ipv4_udp.pcapng", "sngrep-ipv6frag.pcap", "zeek-sip-long-request-response-paths.pcap"};

    @TempDir
    Path temp;

    @Test
    void corruptedCapturesNeverBreakTheReader() throws IOException {
        Random random = new Random(SEED);
        Path file = temp.resolve("corrupt");
        CapturedFrame frame = new CapturedFrame();
        PacketDecoder decoder = new PacketDecoder(true);
        int refused = 0;
        int read = 0;
        for (int i = 0; i < 1_500; i++) {
            byte[] bytes = Files.readAllBytes(Captures.capture(FILES[random.nextInt(FILES.length)]));
            int mutations = 1 + random.nextInt(12);
            for (int m = 0; m < mutations; m++) {
                // Mostly near the start, where the file and first block headers are.
                int at = random.nextBoolean() ? random.nextInt(Math.min(bytes.length, 256)) : random.nextInt(bytes.length);
                bytes[at] = (byte) (random.nextInt(3) == 0 ? 0xFF : random.nextInt(256));
            }
            if (random.nextInt(4) == 0) {
                bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
            }
            Files.write(file, bytes);
            CaptureFileReader reader;
            try {
                reader = CaptureFileReader.open(file);
            } catch (CaptureFileException e) {
                refused++;
                continue;
            }
            try (reader) {
                while (reader.next(frame)) {
                    assertTrue(frame.offset() >= 0 && frame.offset() + frame.length() <= frame.data().length);
                    assertTrue(frame.length() <= CaptureFileReader.MAX_RECORD_BYTES);
                    decoder.decode(frame);
                }
                // Every record takes at least 12 bytes, so a file cannot hold more frames than that allows.
                assertTrue(reader.framesRead() <= bytes.length / 12, "seed " + SEED);
                read++;
            }
        }
        assertTrue(read > refused, read + " read, " + refused + " refused");
    }
}
