package org.oreka.audio.capture.file.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oreka.audio.capture.file.internal.fake.RecordingSink.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oreka.audio.capture.file.internal.fake.RecordingSink;
import org.oreka.sdk.capture.CaptureStatistics;

/** The pcap-file capture source, built directly with hand-made configurations. */
class PcapFileSourceTest {

    @TempDir
    Path temp;

    private PcapFileSource source;

    @AfterEach
    void stopSource() {
        if (source != null) {
            source.deactivate();
        }
    }

    static Path capture(String name) {
        return Paths.get(System.getProperty("oreka.testdata"), "pcap", name);
    }

    static PcapFileSource.Config config(String file, String directory, boolean fastReplay, boolean repeat) {
        return new PcapFileSource.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PcapFileSource.Config.class;
            }

            @Override
            public String PcapFile() {
                return file;
            }

            @Override
            public String PcapDirectory() {
                return directory;
            }

            @Override
            public boolean PcapFastReplay() {
                return fastReplay;
            }

            @Override
            public boolean PcapRepeat() {
                return repeat;
            }
        };
    }

    private List<String> endSources(RecordingSink sink) {
        return sink.ends().stream().map(RecordingSink.End::source).collect(Collectors.toList());
    }

    @Test
    void replaysTheConfiguredFileInItsOwnThreadThenStops() throws Exception {
        source = new PcapFileSource(config(capture("ws-sip-rtp-g711.pcap").toString(), "", true, false));
        RecordingSink sink = new RecordingSink();

        source.start(sink);

        assertTrue(await(() -> !sink.ends().isEmpty() && !source.statistics().running()));
        assertEquals(852, sink.frames());
        assertEquals(List.of(new RecordingSink.End("ws-sip-rtp-g711.pcap", 1_480_171_996_569_179L, 852)), sink.ends());
        assertEquals(List.of(PcapFileSource.THREAD_NAME), sink.threads());
        assertEquals(new CaptureStatistics("pcap-file", 852, 0, 0, false, ""), source.statistics());
    }

    @Test
    void pcapFileWinsOverPcapDirectory() throws Exception {
        Files.copy(capture("sipp-dtmf_2833_1.pcap"), temp.resolve("folder.pcap"));
        source = new PcapFileSource(config(capture("sipp-dtmf_2833_pound.pcap").toString(), temp.toString(), true, false));
        RecordingSink sink = new RecordingSink();
        source.start(sink);
        assertTrue(await(() -> !source.statistics().running()));
        assertEquals(List.of("sipp-dtmf_2833_pound.pcap"), endSources(sink));
    }

    @Test
    void aFolderIsReplayedInNameOrderAndABadFileIsSkippedAndReported() throws Exception {
        Files.copy(capture("sipp-dtmf_2833_pound.pcap"), temp.resolve("c.pcap"));
        Files.copy(capture("ws-c07-sip-r2-netmon.cap"), temp.resolve("b-netmon.cap"));
        Files.copy(capture("synth-ipv6-call.pcapng"), temp.resolve("a.pcapng"));
        source = new PcapFileSource(config("", temp.toString(), true, false));
        RecordingSink sink = new RecordingSink();

        source.start(sink);

        assertTrue(await(() -> !source.statistics().running() && sink.ends().size() == 2));
        assertEquals(List.of("a.pcapng", "c.pcap"), endSources(sink));
        CaptureStatistics statistics = source.statistics();
        assertEquals(315, statistics.received());
        assertTrue(statistics.lastError().contains("b-netmon.cap"), statistics.lastError());
        assertTrue(statistics.lastError().contains("not a pcap or pcapng capture"), statistics.lastError());
    }

    @Test
    void aBadFileIsLoggedOnlyOnceWhileRepeating() throws Exception {
        Files.copy(capture("ws-c07-sip-r2-netmon.cap"), temp.resolve("a-netmon.cap"));
        Files.copy(capture("sipp-dtmf_2833_1.pcap"), temp.resolve("b.pcap"));
        source = new PcapFileSource(config("", temp.toString(), true, true));
        RecordingSink sink = new RecordingSink();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            source.start(sink);
            assertTrue(await(() -> sink.ends().size() >= 5));
            source.stop();
        } finally {
            System.setErr(stderr);
        }
        String output = log.toString(StandardCharsets.UTF_8);
        assertEquals(1, output.lines().filter(line -> line.contains("a-netmon.cap")).count(), output);
        assertTrue(sink.ends().stream().allMatch(end -> end.source().equals("b.pcap")));
    }

    @Test
    void repeatReplaysAgainUntilStopped() throws Exception {
        source = new PcapFileSource(config(capture("sipp-dtmf_2833_1.pcap").toString(), "", true, true));
        RecordingSink sink = new RecordingSink();
        source.start(sink);

        assertTrue(await(() -> sink.ends().size() >= 3));
        assertTrue(source.statistics().running());
        source.stop();

        assertFalse(source.statistics().running());
        List<RecordingSink.End> ends = sink.ends();
        for (int pass = 0; pass < ends.size(); pass++) {
            assertEquals(10L * (pass + 1), ends.get(pass).framesBefore(), "pass " + pass);
        }
    }

    @Test
    void stopInterruptsAPacedReplayPromptly() throws Exception {
        // 26 minutes of capture time: without the interrupt the replay would still be running.
        source = new PcapFileSource(config(capture("ws-aaa.pcap").toString(), "", false, false));
        RecordingSink sink = new RecordingSink();
        AtomicBoolean stopped = new AtomicBoolean();
        AtomicLong framesAfterStop = new AtomicLong();
        sink.onFrame(() -> {
            if (stopped.get()) {
                framesAfterStop.incrementAndGet();
            }
        });
        source.start(sink);
        assertTrue(await(() -> sink.frames() > 0));

        long start = System.nanoTime();
        source.stop();
        long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        stopped.set(true);
        long frames = sink.frames();
        Thread.sleep(100);

        assertTrue(stopMillis < 5_000, "stop took " + stopMillis + " ms");
        assertFalse(source.statistics().running());
        assertEquals(frames, sink.frames());
        assertEquals(0, framesAfterStop.get());
        assertTrue(frames < 691);
        assertTrue(sink.ends().isEmpty(), "an interrupted file does not end its capture");
        source.stop();
    }

    @Test
    void stopIsIdempotentAndAllowsAnotherStart() throws Exception {
        source = new PcapFileSource(config(capture("sipp-dtmf_2833_1.pcap").toString(), "", true, false));
        source.stop();
        RecordingSink first = new RecordingSink();
        source.start(first);
        assertThrows(IllegalStateException.class, () -> source.start(new RecordingSink()));
        source.stop();
        source.stop();

        RecordingSink second = new RecordingSink();
        source.start(second);
        assertTrue(await(() -> second.ends().size() == 1));
        assertEquals(10, second.frames());
    }

    @Test
    void aSinkMayStopTheSourceFromWithinAFrame() throws Exception {
        source = new PcapFileSource(config(capture("ws-sip-rtp-g711.pcap").toString(), "", true, true));
        RecordingSink sink = new RecordingSink();
        sink.onFrame(() -> {
            if (sink.frames() == 100) {
                source.stop();
            }
        });
        source.start(sink);
        assertTrue(await(() -> !source.statistics().running()));
        assertEquals(100, sink.frames());
    }

    @Test
    void startFailsWhenNothingToReplayExists() {
        PcapFileSource missingFile = new PcapFileSource(config(temp.resolve("missing.pcap").toString(), "", true, false));
        assertThrows(NoSuchFileException.class, () -> missingFile.start(new RecordingSink()));
        PcapFileSource missingFolder = new PcapFileSource(config("", temp.resolve("nowhere").toString(), true, false));
        assertThrows(NoSuchFileException.class, () -> missingFolder.start(new RecordingSink()));
        PcapFileSource unset = new PcapFileSource(config(" ", "", true, false));
        IOException e = assertThrows(IOException.class, () -> unset.start(new RecordingSink()));
        assertTrue(e.getMessage().contains("PcapFile"), e.getMessage());
        assertFalse(unset.statistics().running());
    }

    @Test
    void aConfigurationEditRestartsTheReplayWithTheNewSettings() throws Exception {
        source = new PcapFileSource(config(capture("ws-aaa.pcap").toString(), "", false, false));
        RecordingSink sink = new RecordingSink();
        source.start(sink);
        assertTrue(await(() -> sink.frames() > 0));

        source.modified(config(capture("sipp-dtmf_2833_pound.pcap").toString(), "", true, false));

        assertTrue(await(() -> !sink.ends().isEmpty() && !source.statistics().running()));
        assertEquals(List.of("sipp-dtmf_2833_pound.pcap"), endSources(sink));
        assertEquals("sipp-dtmf_2833_pound.pcap", sink.sources().get(sink.sources().size() - 1));
    }
}
