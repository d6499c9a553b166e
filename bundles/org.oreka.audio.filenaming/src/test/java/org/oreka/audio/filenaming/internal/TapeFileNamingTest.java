package org.oreka.audio.filenaming.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oreka.sdk.tape.TapeDTO;
import org.oreka.sdk.tape.TapeProcessor.Result;
import org.oreka.testing.TestTape;

/** TapeFileNaming: every token of Oreka's templates, escaping, confinement, collisions and files moved along. */
class TapeFileNamingTest {

    private static final String FOLDER = "2026/11/28/10/";
    private static final String ORKUID = "20261128_100000_ABCD";
    /** 2026-11-28 10:15:42.5 UTC. */
    private static final long START = 1_795_947_342_500L;

    @TempDir
    Path root;

    private final TapeFileNaming naming = new TapeFileNaming();

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource({
        "orkuid, 20261128_100000_ABCD",
        "nativecallid, a84b4c76e66710@pc33.example.com",
        "trackingid, ABCD",
        "direction, in",
        "shortdirection, I",
        "remoteparty, %2B1%20%28555%29%20123",
        "localparty, 1001",
        "localentrypoint, 5000",
        // Oreka issue #42: the addresses must come out as addresses
        "localip, 10.0.0.5",
        "remoteip, 192.168.1.20",
        "hostname, rec1.example.com",
        "LocalParty, 1001",
        "CustomerId, 42%2F7",
        "Queue, noqueue",
        "nosuchtag, %5Bnosuchtag%5D"})
    void everyTokenIsReplacedByTheTapesValue(String token, String expected) throws IOException {
        naming.configure(config("[" + token + "]", ""));
        TestTape tape = recording();

        assertEquals(Result.DONE, naming.process(tape));

        assertEquals(FOLDER + expected + ".wav", tape.data().file);
        assertTrue(Files.exists(root.resolve(tape.data().file)));
    }

    @Test
    void dateTokensAreTheStartInTheRecordersTimeZone() throws IOException {
        naming.configure(config("[year],-,[month],-,[day],_,[hour],[min],[sec]", ""));
        TestTape tape = recording();

        naming.process(tape);

        ZonedDateTime start = Instant.ofEpochMilli(START).atZone(ZoneId.systemDefault());
        String expected = String.format("%04d-%02d-%02d_%02d%02d%02d", start.getYear(), start.getMonthValue(),
                start.getDayOfMonth(), start.getHour(), start.getMinute(), start.getSecond());
        assertEquals(FOLDER + expected + ".wav", tape.data().file);
    }

    @Test
    void emptyValuesBecomeNoToken() throws IOException {
        naming.configure(config("[localparty],_,[remoteparty],_,[remoteip],_,[direction]", ""));
        TestTape tape = recording();
        tape.data().localParty = "";
        tape.data().remoteParty = "";
        tape.data().remoteIp = "";
        tape.data().direction = "unkn";

        naming.process(tape);

        assertEquals(FOLDER + "nolocalparty_noremoteparty_noremoteip_unkn.wav", tape.data().file);
    }

    @Test
    void theShortDirectionOfOutgoingAndUnknownCalls() throws IOException {
        naming.configure(config("[shortdirection]", ""));
        TestTape out = recording();
        out.data().direction = "out";
        naming.process(out);
        assertEquals(FOLDER + "O.wav", out.data().file);

        TestTape unknown = recording("20261128_100001_ABCE");
        unknown.data().direction = "unkn";
        naming.process(unknown);
        assertEquals(FOLDER + "U.wav", unknown.data().file);
    }

    @Test
    void thePathTemplateMakesFoldersAndTheFileKeepsItsExtension() throws IOException {
        naming.configure(config("[localparty],_,[remoteparty],_,[orkuid]", "calls,/,[localparty],/,[direction]"));
        TestTape tape = recording();
        tape.data().remoteParty = "5551234";
        Path original = root.resolve(FOLDER + ORKUID + ".wav");

        assertEquals(Result.DONE, naming.process(tape));

        assertEquals("calls/1001/in/1001_5551234_" + ORKUID + ".wav", tape.data().file);
        assertEquals("audio", Files.readString(root.resolve(tape.data().file)));
        assertFalse(Files.exists(original));
    }

    @Test
    void aPartyCannotAddFoldersOrClimbOutOfTheAudioRoot() throws IOException {
        naming.configure(config("[remoteparty]", "[localparty],/,[remoteparty]"));
        TestTape tape = recording();
        tape.data().localParty = "..";
        tape.data().remoteParty = "../../etc/passwd";

        assertEquals(Result.DONE, naming.process(tape));

        assertEquals("%2E%2E/..%2F..%2Fetc%2Fpasswd/..%2F..%2Fetc%2Fpasswd.wav", tape.data().file);
        assertTrue(Files.exists(root.resolve(tape.data().file)));
    }

    @Test
    void anAbsoluteOrClimbingPathTemplateIsRefusedAndTheFileStays() throws IOException {
        for (String path : new String[] {"/,tmp", "..,/,elsewhere", "a,/,.,/,b"}) {
            naming.configure(config("[localparty]", path));
            TestTape tape = recording();

            assertEquals(Result.DONE, naming.process(tape), path);

            assertEquals(FOLDER + ORKUID + ".wav", tape.data().file, path);
            assertTrue(Files.exists(root.resolve(FOLDER + ORKUID + ".wav")), path);
        }
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws IOException {
        naming.configure(config("[localparty]", ""));
        Files.createDirectories(root.resolve(FOLDER));
        Files.writeString(root.resolve(FOLDER + "1001.wav"), "first call");
        TestTape second = recording();

        naming.process(second);
        assertEquals(FOLDER + "1001-" + ORKUID + ".wav", second.data().file, "Oreka appends -<orkuid>");

        TestTape third = recording();
        Files.writeString(root.resolve(FOLDER + ORKUID + ".wav"), "third call");
        naming.process(third);
        assertEquals(FOLDER + "1001-" + ORKUID + "-2.wav", third.data().file);

        assertEquals("first call", Files.readString(root.resolve(FOLDER + "1001.wav")));
        assertEquals("audio", Files.readString(root.resolve(FOLDER + "1001-" + ORKUID + ".wav")));
        assertEquals("third call", Files.readString(root.resolve(FOLDER + "1001-" + ORKUID + "-2.wav")));
    }

    @Test
    void filesWithTheSameNameMoveAlong() throws IOException {
        naming.configure(config("[localparty],_,[orkuid]", "[localparty]"));
        TestTape tape = recording();
        Files.writeString(root.resolve(FOLDER + ORKUID + ".gsm.wav"), "gsm");
        tape.data().file = FOLDER + ORKUID + ".gsm.wav";
        Files.writeString(root.resolve(FOLDER + ORKUID + ".gsm.wav.sha256"), "sum");
        Files.writeString(root.resolve(FOLDER + ORKUID + ".mcf"), "journal");
        Files.writeString(root.resolve(FOLDER + "20261128_100000_ABCDE.wav"), "another call");

        assertEquals(Result.DONE, naming.process(tape));

        assertEquals("1001/1001_" + ORKUID + ".gsm.wav", tape.data().file, "a double extension is kept");
        assertEquals("sum", Files.readString(root.resolve("1001/1001_" + ORKUID + ".gsm.wav.sha256")));
        assertEquals("journal", Files.readString(root.resolve("1001/1001_" + ORKUID + ".mcf")));
        assertEquals("audio", Files.readString(root.resolve("1001/1001_" + ORKUID + ".wav")));
        assertTrue(Files.exists(root.resolve(FOLDER + "20261128_100000_ABCDE.wav")), "other recordings stay");
    }

    @Test
    void theJournalCanBeNamedBeforeBatchProcessing() throws IOException {
        naming.configure(config("[localparty],_,[orkuid]", ""));
        TestTape tape = TestTape.of(root, ORKUID, FOLDER + ORKUID + ".mcf");
        fill(tape.data());
        Files.createDirectories(root.resolve(FOLDER));
        Files.writeString(root.resolve(FOLDER + ORKUID + ".mcf"), "journal");

        naming.process(tape);

        assertEquals(FOLDER + "1001_" + ORKUID + ".mcf", tape.data().file);
    }

    @Test
    void findsItsOwnEarlierMoveWhenOfferedTheTapeAgain() throws IOException {
        naming.configure(config("[localparty]", ""));
        Files.createDirectories(root.resolve(FOLDER));
        Files.writeString(root.resolve(FOLDER + "1001.wav"), "moved before a restart");
        TestTape tape = TestTape.of(root, ORKUID, FOLDER + ORKUID + ".wav");
        fill(tape.data());

        assertEquals(Result.DONE, naming.process(tape));

        assertEquals(FOLDER + "1001.wav", tape.data().file);
    }

    @Test
    void givesUpOnAMissingRecording() {
        naming.configure(config("[localparty]", ""));
        assertEquals(Result.GIVE_UP, naming.process(TestTape.of(root, ORKUID, FOLDER + ORKUID + ".wav")));
    }

    @Test
    void emptyTemplatesKeepTheNameAndAnEditAppliesToTheNextRecording() throws IOException {
        naming.configure(config("", ""));
        TestTape first = recording();
        assertEquals(Result.DONE, naming.process(first));
        assertEquals(FOLDER + ORKUID + ".wav", first.data().file);

        naming.configure(config("[localparty]", ""));
        TestTape second = recording("20261128_100001_ABCE");
        naming.process(second);
        assertEquals(FOLDER + "1001.wav", second.data().file);
    }

    @Test
    void longValuesAreCutToAFileNameLength() throws IOException {
        naming.configure(config("[nativecallid]", ""));
        TestTape tape = recording();
        tape.data().nativeCallId = "é".repeat(300);

        assertEquals(Result.DONE, naming.process(tape));

        String name = Path.of(tape.data().file).getFileName().toString();
        assertTrue(name.length() <= NamingTemplate.MAX_NAME_LENGTH + ".wav".length(), name);
        assertTrue(name.matches("(%C3%A9)+\\.wav"), "never cut inside an escape: " + name);
    }

    private TestTape recording() throws IOException {
        return recording(ORKUID);
    }

    private TestTape recording(String orkuid) throws IOException {
        Files.createDirectories(root.resolve(FOLDER));
        Files.writeString(root.resolve(FOLDER + orkuid + ".wav"), "audio", StandardCharsets.US_ASCII);
        TestTape tape = TestTape.of(root, orkuid, FOLDER + orkuid + ".wav");
        fill(tape.data());
        return tape;
    }

    private static void fill(TapeDTO data) {
        data.capturePort = data.orkuid.substring(data.orkuid.lastIndexOf('_') + 1);
        data.startMillis = START;
        data.nativeCallId = "a84b4c76e66710@pc33.example.com";
        data.direction = "in";
        data.remoteParty = "+1 (555) 123";
        data.localParty = "1001";
        data.localEntryPoint = "5000";
        data.localIp = "10.0.0.5";
        data.remoteIp = "192.168.1.20";
        data.hostname = "rec1.example.com";
        data.tags.put("CustomerId", "42/7");
        data.tags.put("Queue", "");
    }

    private static TapeFileNaming.Config config(String file, String path) {
        return new TapeFileNaming.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return TapeFileNaming.Config.class;
            }

            @Override
            public String TapeFileNaming() {
                return file;
            }

            @Override
            public String TapePathNaming() {
                return path;
            }
        };
    }
}
