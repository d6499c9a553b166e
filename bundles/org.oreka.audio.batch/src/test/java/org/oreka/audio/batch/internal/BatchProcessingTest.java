package org.oreka.audio.batch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oreka.audio.journal.JournalFormat;
import org.oreka.audio.journal.JournalWriter;
import org.oreka.sdk.codec.AudioCodec;
import org.oreka.sdk.codec.AudioDecoder;
import org.oreka.sdk.storage.AudioFileWriter;
import org.oreka.sdk.storage.StorageFormat;
import org.oreka.sdk.tape.Tape;
import org.oreka.sdk.tape.TapeDTO;
import org.oreka.testing.TestTape;
import org.oreka.sdk.tape.TapeProcessor.Result;

class BatchProcessingTest {

    private static final long T0 = 1_700_000_000_000_000L;

    @TempDir
    Path root;

    private final BatchProcessing batch = new BatchProcessing();
    /** Files written by the fake storage format: path to interleaved samples and channel count. */
    private final Map<Path, List<Short>> written = new HashMap<>();
    private final Map<Path, Integer> channels = new HashMap<>();

    @BeforeEach
    void setUp() {
        batch.configure(config("test", false));
        batch.bindFormat(new MemoryFormat(), Map.of(StorageFormat.PROPERTY_NAME, "test"));
    }

    @Test
    void placesEachSideOnItsRtpClockAndFillsGapsWithSilence() throws IOException {
        batch.bindCodec(new ByteCodec(), Map.of(AudioCodec.PROPERTY_NAME, "PCMU"));
        batch.configure(config("test", true));
        Path journal = journal(w -> {
            // side 1 starts at T0: 3 packets of 160 samples, the second one lost
            w.appendRtp(1, 0, 1, 1000, 11, false, T0, fill(160, 1), 0, 160);
            w.appendRtp(1, 0, 3, 1320, 11, false, T0 + 40_000 + 3_000, fill(160, 3), 0, 160);
            // side 2 starts 10 ms later with its own clock
            w.appendRtp(2, 0, 7, 50_000, 22, false, T0 + 10_000, fill(160, 5), 0, 160);
            // a duplicate of side 2's packet must not double it
            w.appendRtp(2, 0, 7, 50_000, 22, false, T0 + 10_500, fill(160, 5), 0, 160);
        });
        TapeDTO data = tape("2026/11/28/10/t.mcf");
        assertEquals(Result.DONE, batch.process(view(data)));

        Path wav = root.resolve("2026/11/28/10/t.test");
        assertEquals("2026/11/28/10/t.test", data.file);
        assertFalse(Files.exists(journal), "the journal is deleted");
        List<Short> samples = written.get(wav.resolveSibling("t.test.part"));
        assertEquals(2, channels.get(wav.resolveSibling("t.test.part")));
        assertEquals(480 * 2, samples.size(), "three packets of side 1 make 60 ms");
        assertEquals(60, data.durationMillis);
        assertEquals(100, (int) samples.get(0), "side 1 packet 1 on the left at 0");
        assertEquals(0, (int) samples.get(170 * 2), "the lost packet is silence");
        assertEquals(300, (int) samples.get(320 * 2), "packet 3 lands by its RTP timestamp, not its late arrival");
        assertEquals(0, (int) samples.get(79 * 2 + 1), "side 2 starts 10 ms (80 samples) in");
        assertEquals(500, (int) samples.get(80 * 2 + 1));
        assertEquals(500, (int) samples.get(239 * 2 + 1), "a duplicate overwrites, never adds");
    }

    @Test
    void monoIsTheSumOfBothSides() throws IOException {
        batch.bindCodec(new ByteCodec(), Map.of(AudioCodec.PROPERTY_NAME, "PCMU"));
        journal(w -> {
            w.appendRtp(1, 0, 1, 0, 1, false, T0, fill(160, 1), 0, 160);
            w.appendRtp(2, 0, 1, 0, 2, false, T0, fill(160, 2), 0, 160);
        });
        TapeDTO data = tape("2026/11/28/10/t.mcf");
        assertEquals(Result.DONE, batch.process(view(data)));
        List<Short> samples = written.get(root.resolve("2026/11/28/10/t.test.part"));
        assertEquals(160, samples.size());
        assertEquals(300, (int) samples.get(0));
    }

    @Test
    void theLocalSideGoesOnTheFirstChannel() throws IOException {
        batch.bindCodec(new ByteCodec(), Map.of(AudioCodec.PROPERTY_NAME, "PCMU"));
        batch.configure(config("test", true));
        journal(w -> {
            w.appendRtp(1, 0, 1, 0, 1, false, T0, fill(160, 1), 0, 160);
            w.appendRtp(2, 0, 1, 0, 2, false, T0, fill(160, 2), 0, 160);
        });
        TapeDTO data = tape("2026/11/28/10/t.mcf");
        data.localSide = "side2";
        assertEquals(Result.DONE, batch.process(view(data)));
        List<Short> samples = written.get(root.resolve("2026/11/28/10/t.test.part"));
        assertEquals(200, (int) samples.get(0));
        assertEquals(100, (int) samples.get(1));
    }

    @Test
    void dynamicPayloadTypesAreDecodedByTheirRtpmapName() throws IOException {
        batch.bindCodec(new ByteCodec(), Map.of(AudioCodec.PROPERTY_NAME, "opus"));
        journal(w -> {
            w.appendMetadata("rtpmap 99 opus/48000/2", T0);
            w.appendRtp(1, 99, 1, 0, 1, false, T0, fill(160, 1), 0, 160);
            w.appendRtp(1, 99, 2, 960, 1, false, T0 + 20_000, fill(160, 2), 0, 160);
        });
        TapeDTO data = tape("2026/11/28/10/t.mcf");
        assertEquals(Result.DONE, batch.process(view(data)));
        List<Short> samples = written.get(root.resolve("2026/11/28/10/t.test.part"));
        assertEquals(200, (int) samples.get(160), "960 ticks of a 48 kHz clock are 160 output samples");
    }

    @Test
    void decodersHoldingStateAreClosedWhenTheTapeIsDone() throws IOException {
        List<String> closed = new ArrayList<>();
        batch.bindCodec(new ByteCodec(closed), Map.of(AudioCodec.PROPERTY_NAME, "opus"));
        journal(w -> {
            w.appendMetadata("rtpmap 99 opus/48000/2", T0);
            w.appendRtp(1, 99, 1, 0, 1, false, T0, fill(160, 1), 0, 160);
            w.appendRtp(2, 99, 2, 0, 1, false, T0, fill(160, 1), 0, 160);
            // A new mapping of the type: the decoders of the old one are done.
            w.appendMetadata("rtpmap 99 OPUS/48000/2", T0 + 10_000);
            w.appendRtp(1, 99, 1, 960, 1, false, T0 + 20_000, fill(160, 2), 0, 160);
        });
        assertEquals(Result.DONE, batch.process(view(tape("2026/11/28/10/t.mcf"))));
        assertEquals(3, closed.size(), "a decoder for each side, then a new one for side 1");
    }

    @Test
    void aMissingCodecOrFormatMakesTheTapeWait() throws IOException {
        journal(w -> w.appendRtp(1, 8, 1, 0, 1, false, T0, fill(160, 1), 0, 160));
        TapeDTO data = tape("2026/11/28/10/t.mcf");
        assertEquals(Result.RETRY_LATER, batch.process(view(data)), "no PCMA codec yet");
        batch.bindCodec(new ByteCodec(), Map.of(AudioCodec.PROPERTY_NAME, "PCMA"));
        batch.configure(config("gsm", false));
        assertEquals(Result.RETRY_LATER, batch.process(view(data)), "no gsm storage format");
        batch.configure(config("test", false));
        assertEquals(Result.DONE, batch.process(view(data)));
    }

    @Test
    void onlyUnnamedPayloadTypesCannotBeDecoded() throws IOException {
        journal(w -> w.appendRtp(1, 99, 1, 0, 1, false, T0, fill(160, 1), 0, 160));
        assertEquals(Result.GIVE_UP, batch.process(view(tape("2026/11/28/10/t.mcf"))));
    }

    @Test
    void aTapeAlreadyConvertedPassesThrough() {
        assertEquals(Result.DONE, batch.process(view(tape("2026/11/28/10/t.wav"))));
    }

    @Test
    void aPausedStretchIsLeftOutAndBothSidesStayAligned() throws IOException {
        batch.bindCodec(new ByteCodec(), Map.of(AudioCodec.PROPERTY_NAME, "PCMU"));
        batch.configure(config("test", true));
        journal(w -> {
            w.appendMetadata(JournalFormat.PAUSE, T0 - 500_000); // before any audio: nothing to leave out
            w.appendMetadata(JournalFormat.RESUME, T0 - 400_000);
            w.appendRtp(1, 0, 1, 0, 1, false, T0, fill(160, 1), 0, 160);
            w.appendRtp(2, 0, 1, 0, 2, false, T0 + 5_000, fill(160, 2), 0, 160);
            w.appendRtp(1, 0, 2, 160, 1, false, T0 + 20_000, fill(160, 1), 0, 160);
            w.appendRtp(2, 0, 2, 160, 2, false, T0 + 25_000, fill(160, 2), 0, 160);
            w.appendMetadata(JournalFormat.PAUSE, T0 + 25_000);
            // two seconds paused: packets 3 to 102 of each side were not kept
            w.appendMetadata(JournalFormat.RESUME, T0 + 2_025_000);
            w.appendRtp(1, 0, 103, 160 * 102, 1, false, T0 + 2_040_000, fill(160, 3), 0, 160);
            w.appendRtp(2, 0, 103, 160 * 102, 2, false, T0 + 2_045_000, fill(160, 4), 0, 160);
        });
        TapeDTO data = tape("2026/11/28/10/t.mcf");
        assertEquals(Result.DONE, batch.process(view(data)));
        List<Short> samples = written.get(root.resolve("2026/11/28/10/t.test.part"));
        assertEquals(520 * 2, samples.size(), "65 ms: the two paused seconds are gone");
        assertEquals(65, data.durationMillis);
        assertEquals(100, (int) samples.get(319 * 2), "side 1 before the pause");
        assertEquals(300, (int) samples.get(320 * 2), "side 1 goes on right after it");
        assertEquals(200, (int) samples.get(359 * 2 + 1), "side 2 before the pause");
        assertEquals(400, (int) samples.get(360 * 2 + 1), "side 2 goes on right after it, still 5 ms behind side 1");
    }

    @Test
    void aRecordingKeepsTheSidesItsSideAsksFor() throws IOException {
        batch.bindCodec(new ByteCodec(), Map.of(AudioCodec.PROPERTY_NAME, "PCMU"));
        batch.configure(config("test", true));
        String[][] cases = {
            // side, localSide, expected first sample of channel 1 and channel 2 (local first)
            {"local", "side1", "100", "0"},
            {"local", "side2", "200", "0"},
            {"remote", "side1", "0", "200"},
            {"remote", "side2", "0", "100"},
            {"local", "unknown", "100", "200"},
            {"remote", "both", "0", "0"},
            {"both", "side1", "100", "200"},
        };
        for (String[] c : cases) {
            journal(w -> {
                w.appendRtp(1, 0, 1, 0, 1, false, T0, fill(160, 1), 0, 160);
                w.appendRtp(2, 0, 1, 0, 2, false, T0, fill(160, 2), 0, 160);
            });
            TapeDTO data = tape("2026/11/28/10/t.mcf");
            data.side = c[0];
            data.localSide = c[1];
            assertEquals(Result.DONE, batch.process(view(data)));
            List<Short> samples = written.get(root.resolve("2026/11/28/10/t.test.part"));
            String kept = samples.isEmpty() ? "0,0" : samples.get(0) + "," + samples.get(1);
            assertEquals(c[2] + "," + c[3], kept, "side=" + c[0] + " localside=" + c[1]);
        }
    }

    @Test
    void timelineUnwrapsTimestampsAndReanchorsANewStream() {
        SideTimeline timeline = new SideTimeline(8000, T0);
        assertEquals(0, timeline.position(1, 0xFFFFFF60, 8000, T0));
        assertEquals(160, timeline.position(1, 0x00000000, 8000, T0 + 20_000), "wraps past 2^32");
        assertEquals(8000, timeline.position(2, 12345, 8000, T0 + 1_000_000), "a new SSRC starts where it arrives");
        assertEquals(8000 * 5, timeline.position(2, 12345 + 8000 * 60, 8000, T0 + 5_000_000),
                "a timestamp jump of a minute that arrives 4 s later re-anchors at arrival");
    }

    @Test
    void aFastSenderIsKeptInStepWithTheCaptureClock() {
        SideTimeline timeline = new SideTimeline(8000, T0);
        long last = 0;
        // 1.6 ms per second fast: 20 ms of RTP time every 19.968 ms, for 60 s
        for (int i = 0; i < 3000; i++) {
            last = timeline.position(1, 160 * i, 8000, T0 + Math.round(19_968.0 * i));
        }
        long arrival = Math.round(19_968.0 * 2999) * 8000 / 1_000_000;
        assertTrue(Math.abs(last - arrival) <= 160 + 16, "last packet at " + last + ", arrived at " + arrival);
    }

    @Test
    void jitterAloneMovesNothing() {
        SideTimeline timeline = new SideTimeline(8000, T0);
        java.util.Random random = new java.util.Random(7);
        long first = timeline.position(1, 0, 8000, T0 + random.nextInt(15_000));
        for (int i = 1; i < 3000; i++) {
            long jitter = random.nextInt(15_000);
            assertEquals(first + 160L * i, timeline.position(1, 160 * i, 8000, T0 + 20_000L * i + jitter),
                    "packets keep their RTP spacing under 15 ms of jitter");
        }
    }

    private interface JournalContent {
        void write(JournalWriter writer) throws IOException;
    }

    private Path journal(JournalContent content) throws IOException {
        Path file = root.resolve("2026/11/28/10/t.mcf");
        Files.createDirectories(file.getParent());
        try (JournalWriter writer = new JournalWriter(file, 65536)) {
            content.write(writer);
        }
        return file;
    }

    private static byte[] fill(int length, int value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static TapeDTO tape(String file) {
        TapeDTO tape = new TapeDTO();
        tape.orkuid = "t";
        tape.file = file;
        return tape;
    }

    private Tape view(TapeDTO data) {
        return new TestTape(data, root);
    }

    private static BatchProcessing.Config config(String format, boolean stereo) {
        return new BatchProcessing.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return BatchProcessing.Config.class;
            }

            @Override
            public String StorageAudioFormat() {
                return format;
            }

            @Override
            public boolean StereoRecording() {
                return stereo;
            }

            @Override
            public boolean DeleteNativeFile() {
                return true;
            }
        };
    }

    /** The codec of {@link ByteDecoder}s. */
    private static final class ByteCodec implements AudioCodec {
        private final List<String> closed;

        ByteCodec() {
            this(new ArrayList<>());
        }

        ByteCodec(List<String> closed) {
            this.closed = closed;
        }

        @Override
        public int sampleRate() {
            return 8000;
        }

        @Override
        public AudioDecoder newDecoder() {
            return new ByteDecoder(closed);
        }
    }

    /** Decodes each byte b to the sample 100 * b, and notes in {@code closed} that it was closed. */
    private record ByteDecoder(List<String> closed) implements AudioDecoder, AutoCloseable {
        @Override
        public void close() {
            closed.add("closed");
        }

        @Override
        public int maxSamples(int payloadLength) {
            return payloadLength;
        }

        @Override
        public int decode(byte[] payload, int offset, int length, short[] pcm, int pcmOffset) {
            for (int i = 0; i < length; i++) {
                pcm[pcmOffset + i] = (short) (payload[offset + i] * 100);
            }
            return length;
        }
    }

    /** Keeps written samples in memory and creates an empty file so renames work. */
    private final class MemoryFormat implements StorageFormat {
        @Override
        public String extension() {
            return ".test";
        }

        @Override
        public AudioFileWriter create(Path file, int sampleRate, int channelCount) throws IOException {
            Files.createDirectories(file.getParent());
            Files.write(file, new byte[0]);
            List<Short> samples = new ArrayList<>();
            written.put(file, samples);
            channels.put(file, channelCount);
            return new AudioFileWriter() {
                @Override
                public void write(short[] pcm, int offset, int frames) {
                    for (int i = 0; i < frames * channelCount; i++) {
                        samples.add(pcm[offset + i]);
                    }
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
