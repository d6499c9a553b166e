package org.oreka.audio.capture.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oreka.audio.capture.file.internal.fake.RecordingSink;
import org.oreka.audio.net.CaptureFileException;

/** Synchronous replays of the test captures and of folders built from them. */
class CaptureReplayTest {

    @TempDir
    Path temp;

    static Path capture(String name) {
        return Paths.get(System.getProperty("oreka.testdata"), "pcap", name);
    }

    @Test
    void replaysAFileAndEndsItsCapture() throws IOException {
        RecordingSink sink = new RecordingSink();

        long frames = CaptureReplay.replay(capture("ws-sip-rtp-g711.pcap"), sink, true);

        assertEquals(852, frames);
        assertEquals(852, sink.frames());
        assertEquals(List.of("ws-sip-rtp-g711.pcap"), sink.sources());
        // Last packet time 2016-11-26 14:53:16.569179 (GROUNDTRUTH.txt).
        assertEquals(List.of(new RecordingSink.End("ws-sip-rtp-g711.pcap", 1_480_171_996_569_179L, 852)), sink.ends());
    }

    @Test
    void replaysAFolderInNameOrderSkippingOtherFilesAndSubfolders() throws IOException {
        Files.copy(capture("sipp-dtmf_2833_pound.pcap"), temp.resolve("b-second.pcap"));
        Files.copy(capture("synth-ipv6-call.pcapng"), temp.resolve("a-first.pcapng"));
        Files.copy(capture("sipp-dtmf_2833_1.pcap"), temp.resolve("c-third.CAP"));
        Files.writeString(temp.resolve("notes.txt"), "not a capture");
        Files.createDirectory(temp.resolve("d-folder.pcap"));
        RecordingSink sink = new RecordingSink();

        long frames = CaptureReplay.replay(temp, sink, true);

        assertEquals(305 + 10 + 10, frames);
        List<String> order = List.of("a-first.pcapng", "b-second.pcap", "c-third.CAP");
        assertEquals(order, sink.sources());
        assertEquals(order, sink.ends().stream().map(RecordingSink.End::source).collect(Collectors.toList()));
        assertEquals(List.of(305L, 315L, 325L),
                sink.ends().stream().map(RecordingSink.End::framesBefore).collect(Collectors.toList()));
        assertEquals(order.size(), CaptureReplay.captureFiles(temp).size());
    }

    @Test
    void inAFolderAFileThatIsNotACaptureIsSkipped() throws IOException {
        Files.copy(capture("ws-c07-sip-r2-netmon.cap"), temp.resolve("a-netmon.cap"));
        Files.write(temp.resolve("b-empty.pcap"), new byte[0]);
        Files.copy(capture("sipp-dtmf_2833_1.pcap"), temp.resolve("c-good.pcap"));
        RecordingSink sink = new RecordingSink();

        assertEquals(10, CaptureReplay.replay(temp, sink, true));
        assertEquals(List.of("c-good.pcap"), sink.ends().stream().map(RecordingSink.End::source).collect(Collectors.toList()));
    }

    @Test
    void aSingleFileThatIsNotACaptureFails() {
        RecordingSink sink = new RecordingSink();
        assertThrows(CaptureFileException.class,
                () -> CaptureReplay.replay(capture("ws-c07-sip-r2-netmon.cap"), sink, true));
        assertThrows(NoSuchFileException.class, () -> CaptureReplay.replay(temp.resolve("missing.pcap"), sink, true));
        assertEquals(0, sink.frames());
        assertTrue(sink.ends().isEmpty());
    }

    @Test
    void aFileCutShortIsReplayedUpToItsLastWholeRecord() throws IOException {
        RecordingSink sink = new RecordingSink();
        assertEquals(310, CaptureReplay.replay(capture("derived-sip-rtp-g729a-truncated.pcap"), sink, true));
        assertEquals(1, sink.ends().size());
        // Last packet time 2016-12-02 10:41:27.175920 (GROUNDTRUTH.txt).
        assertEquals(1_480_675_287_175_920L, sink.ends().get(0).lastTimestampMicros());
    }

    @Test
    void aPacedReplayTakesAtLeastAsLongAsTheCapture() throws IOException {
        RecordingSink sink = new RecordingSink();
        long start = System.nanoTime();
        CaptureReplay.replay(capture("sipp-dtmf_2833_1.pcap"), sink, false);
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        // The capture spans 0.139929 s.
        assertTrue(elapsedMillis >= 139, elapsedMillis + " ms");
        assertEquals(10, sink.frames());
    }

    @Test
    void interruptingTheCallingThreadEndsAPacedReplay() throws Exception {
        RecordingSink sink = new RecordingSink();
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread replaying = new Thread(() -> {
            try {
                CaptureReplay.replay(capture("ws-aaa.pcap"), sink, false);
            } catch (IOException | RuntimeException e) {
                outcome.set(e);
            }
        }, "paced-replay-test");
        replaying.start();
        assertTrue(RecordingSink.await(() -> sink.frames() > 0));

        replaying.interrupt();
        replaying.join(10_000);

        assertFalse(replaying.isAlive());
        assertTrue(outcome.get() instanceof InterruptedIOException, String.valueOf(outcome.get()));
        assertTrue(sink.frames() < 691);
        assertTrue(sink.ends().isEmpty());
    }
}
