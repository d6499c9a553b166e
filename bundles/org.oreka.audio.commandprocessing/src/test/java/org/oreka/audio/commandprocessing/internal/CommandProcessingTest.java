package org.oreka.audio.commandprocessing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oreka.sdk.tape.TapeDTO;
import org.oreka.sdk.tape.TapeProcessor.Result;
import org.oreka.testing.FfProbe;
import org.oreka.testing.TestTape;
import org.oreka.testing.ToneWav;

/** CommandProcessing with the real ffmpeg: conversions, literal file names, time limits and failures. */
class CommandProcessingTest {

    private static final String FOLDER = "2026/11/28/10/";
    private static final String ORKUID = "20261128_100000_ABCD";
    /** The command of the Oreka API document, verbatim. */
    private static final String SPEC_COMMAND = "ffmpeg -i [IN] -acodec libgsm_ms -ab 13000 [OUT]";

    @TempDir
    Path root;

    private final CommandProcessing processing = new CommandProcessing();

    @Test
    void theSpecsGsmCommandConvertsTheRecordingAndDeletesTheInput() throws Exception {
        processing.configure(config(SPEC_COMMAND, ".gsm.wav", 60));
        TestTape tape = recording(ORKUID + ".wav");

        assertEquals(Result.DONE, processing.process(tape));

        assertEquals(FOLDER + ORKUID + ".gsm.wav", tape.data().file);
        assertFalse(Files.exists(root.resolve(FOLDER + ORKUID + ".wav")), "the input is deleted, as Oreka does");
        assertDecodes(root.resolve(tape.data().file), "gsm_ms");
        assertNull(tape.data().tags.get(CommandProcessing.TAG));
        try (Stream<Path> files = Files.list(root.resolve(FOLDER))) {
            assertEquals(List.of(ORKUID + ".gsm.wav"), files.map(p -> p.getFileName().toString()).toList(),
                    "no partial file is left");
        }
    }

    @ParameterizedTest
    @CsvSource({
        "'ffmpeg -nostdin -v error -i [IN] -codec:a libmp3lame -b:a 32k [OUT]', .mp3, mp3",
        "'ffmpeg -nostdin -v error -i [IN] -codec:a libopus -b:a 16k [OUT]', .opus, opus",
        "'ffmpeg -nostdin -v error -i [IN] -codec:a libopus -b:a 16k [OUT]', .ogg, opus"})
    void convertsToTheFormatOfTheOutputExtension(String command, String extension, String codec) throws Exception {
        processing.configure(config(command, extension, 60));
        TestTape tape = recording(ORKUID + ".wav");

        assertEquals(Result.DONE, processing.process(tape));

        assertEquals(FOLDER + ORKUID + extension, tape.data().file);
        assertDecodes(root.resolve(tape.data().file), codec);
        assertFalse(Files.exists(root.resolve(FOLDER + ORKUID + ".wav")));
    }

    @Test
    void fileNamesWithBlanksAndShellCharactersAreSingleLiteralArguments() throws Exception {
        processing.configure(config(SPEC_COMMAND, ".gsm.wav", 60));
        String name = "a b;$(touch x)`touch y` [OUT] *.wav";
        TestTape tape = recording(name);

        assertEquals(Result.DONE, processing.process(tape));

        assertEquals(FOLDER + "a b;$(touch x)`touch y` [OUT] *.gsm.wav", tape.data().file);
        assertDecodes(root.resolve(tape.data().file), "gsm_ms");
        assertFalse(Files.exists(root.resolve(FOLDER + "x")), "no shell ran $(...)");
        assertFalse(Files.exists(root.resolve(FOLDER + "y")), "no shell ran `...`");
        assertFalse(Files.exists(Path.of("x")));
    }

    @Test
    void aCommandThatRunsTooLongIsKilledWithItsChildrenAndTheRecordingStays() throws Exception {
        // A shell started by the administrator's own command, with a child in the background: both must die.
        processing.configure(config("sh -c 'sleep 30.4711 & sleep 30.4712; echo late > \"$1\"' sh [OUT]", ".mp3", 1));
        TestTape tape = recording(ORKUID + ".wav");
        long start = System.nanoTime();

        assertEquals(Result.DONE, processing.process(tape));

        assertTrue(System.nanoTime() - start < 10_000_000_000L, "the time limit stops the command");
        assertOriginalKeptAndTagged(tape);
        Thread.sleep(200);
        assertTrue(ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a)).orElse("").contains("30.471"))
                .noneMatch(ProcessHandle::isAlive), "no process of the command survives");
    }

    @Test
    void aFailingCommandLeavesTheOriginalAndLogsTheEndOfItsOutput() throws Exception {
        processing.configure(config("ffmpeg -nostdin -i [IN] -acodec no_such_encoder [OUT]", ".mp3", 60));
        TestTape tape = recording(ORKUID + ".wav");

        String log = logOf(() -> assertEquals(Result.DONE, processing.process(tape)));

        assertOriginalKeptAndTagged(tape);
        assertTrue(log.contains("exited with code"), log);
        assertTrue(log.contains("no_such_encoder"), "ffmpeg's own message is in the log: " + log);
    }

    @Test
    void aMissingProgramLeavesTheOriginalAndIsLoggedOnce() throws Exception {
        processing.configure(config("no-such-converter-4711 -i [IN] [OUT]", ".mp3", 60));
        TestTape first = recording(ORKUID + ".wav");
        TestTape second = recording("20261128_100001_ABCE.wav");

        String log = logOf(() -> {
            assertEquals(Result.DONE, processing.process(first));
            assertEquals(Result.DONE, processing.process(second));
        });

        assertOriginalKeptAndTagged(first);
        assertOriginalKeptAndTagged(second);
        assertEquals(1, log.split("cannot run 'no-such-converter-4711'", -1).length - 1, log);
    }

    @Test
    void aCommandThatWritesNothingLeavesTheOriginal() throws Exception {
        processing.configure(config("true [IN] [OUT]", ".mp3", 60));
        TestTape tape = recording(ORKUID + ".wav");

        assertEquals(Result.DONE, processing.process(tape));

        assertOriginalKeptAndTagged(tape);
    }

    @Test
    void aCommandWithoutOutputRunsOnTheRecordingAndLeavesItInPlace() throws Exception {
        processing.configure(config("touch [IN].seen", ".gsm.wav", 60));
        TestTape tape = recording(ORKUID + ".wav");

        assertEquals(Result.DONE, processing.process(tape));

        assertEquals(FOLDER + ORKUID + ".wav", tape.data().file);
        assertTrue(Files.exists(root.resolve(FOLDER + ORKUID + ".wav.seen")));
        assertNull(tape.data().tags.get(CommandProcessing.TAG));
    }

    @Test
    void aSuccessAfterAFailureClearsTheTag() throws Exception {
        processing.configure(config("false [IN] [OUT]", ".gsm.wav", 60));
        TestTape tape = recording(ORKUID + ".wav");
        processing.process(tape);
        assertEquals(CommandProcessing.FAILED, tape.data().tags.get(CommandProcessing.TAG));

        processing.configure(config(SPEC_COMMAND, ".gsm.wav", 60));
        assertEquals(Result.DONE, processing.process(tape));

        assertEquals(FOLDER + ORKUID + ".gsm.wav", tape.data().file);
        assertNull(tape.data().tags.get(CommandProcessing.TAG));
    }

    @Test
    void findsItsOwnOutputWhenOfferedTheTapeAgainAfterARestart() throws Exception {
        processing.configure(config(SPEC_COMMAND, ".gsm.wav", 60));
        ToneWav.write(root.resolve(FOLDER + ORKUID + ".gsm.wav"), 8000, 1, 440);
        TestTape tape = TestTape.of(root, ORKUID, FOLDER + ORKUID + ".wav");

        assertEquals(Result.DONE, processing.process(tape));

        assertEquals(FOLDER + ORKUID + ".gsm.wav", tape.data().file);
    }

    @Test
    void givesUpOnAMissingRecordingAndOnAPathOutsideTheAudioRoot() {
        processing.configure(config(SPEC_COMMAND, ".gsm.wav", 60));

        assertEquals(Result.GIVE_UP, processing.process(TestTape.of(root, ORKUID, FOLDER + "missing.wav")));
        assertEquals(Result.GIVE_UP, processing.process(TestTape.of(root, ORKUID, "../outside.wav")));
    }

    @Test
    void anEmptyCommandPassesRecordingsUnchanged() throws Exception {
        processing.configure(config("", ".gsm.wav", 60));
        TestTape tape = recording(ORKUID + ".wav");

        assertEquals(Result.DONE, processing.process(tape));

        assertEquals(FOLDER + ORKUID + ".wav", tape.data().file);
        assertTrue(tape.data().tags.isEmpty());
    }

    @Test
    void anUnsplittableCommandTagsRecordingsFailed() throws Exception {
        processing.configure(config("ffmpeg -i [IN] 'unclosed [OUT]", ".gsm.wav", 60));
        TestTape tape = recording(ORKUID + ".wav");

        assertEquals(Result.DONE, processing.process(tape));

        assertOriginalKeptAndTagged(tape);
    }

    private TestTape recording(String name) throws IOException {
        // Three seconds of tones, 8 kHz 16-bit PCM, as BatchProcessing writes them.
        ToneWav.write(root.resolve(FOLDER + name), 8000, 1, 440, 1000, 2000);
        return TestTape.of(root, ORKUID, FOLDER + name);
    }

    private void assertOriginalKeptAndTagged(TestTape tape) throws Exception {
        TapeDTO data = tape.data();
        assertTrue(data.file.endsWith(".wav"), data.file);
        assertDecodes(root.resolve(data.file), "pcm_s16le");
        assertEquals(CommandProcessing.FAILED, data.tags.get(CommandProcessing.TAG));
        try (Stream<Path> files = Files.list(root.resolve(FOLDER))) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".part")), "no partial file is left");
        }
    }

    private static void assertDecodes(Path file, String codec) throws Exception {
        FfProbe.Audio audio = FfProbe.probe(file);
        assertEquals(codec, audio.codec());
        assertEquals(3.0, audio.seconds(), 0.1, "as long as the three seconds of tones");
    }

    /** What the processor logs (slf4j-simple writes to the current System.err) while {@code action} runs. */
    private static String logOf(ThrowingRunnable action) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        original.print(log);
        return log;
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static CommandProcessing.Config config(String command, String extension, int timeoutSec) {
        return new CommandProcessing.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return CommandProcessing.Config.class;
            }

            @Override
            public String CommandProcessingCommand() {
                return command;
            }

            @Override
            public String CommandProcessingOutputExtension() {
                return extension;
            }

            @Override
            public int CommandProcessingTimeoutSec() {
                return timeoutSec;
            }
        };
    }
}
