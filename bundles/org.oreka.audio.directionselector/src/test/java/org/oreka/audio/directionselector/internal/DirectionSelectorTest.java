package org.oreka.audio.directionselector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oreka.sdk.tape.TapeProcessor.Result;
import org.oreka.testing.TestTape;

/** DirectionSelector: the side kept by area code, the file's format, live re-reading, and when it stays out. */
class DirectionSelectorTest {

    private static final String JOURNAL = "2026/11/28/10/20261128_100000_ABCD.mcf";

    @TempDir
    Path root;
    @TempDir
    Path etc;

    private final DirectionSelector selector = new DirectionSelector();
    private Path csv;

    @BeforeEach
    void setUp() throws IOException {
        csv = etc.resolve("sides.csv");
        Files.writeString(csv, "# area code : side\n"
                + "33:local\n"
                + "331:remote\n"
                + "\n"
                + " 44 : NONE \n"
                + "49,both\n"
                + "0800:sideways\n"
                + "no separator\n");
        selector.configure(config(csv.toString()));
    }

    @Test
    void theRemotePartysLongestListedPrefixDecidesTheSide() {
        assertEquals("local", sideOf("33612345678"));
        assertEquals("remote", sideOf("33112345678"), "331 is longer than 33");
        assertEquals("none", sideOf("442071234567"), "blanks and case do not matter");
        assertEquals("both", sideOf("4930123456"), "a comma separates too");
    }

    @Test
    void otherCallsKeepTheirSide() {
        assertEquals("both", sideOf("15551234"), "no prefix matches");
        assertEquals("both", sideOf("080012345"), "a line with an unknown side is ignored");
        assertEquals("both", sideOf(""));
        assertEquals("both", sideOf("+33612345678"), "prefixes are compared as written");
    }

    @Test
    void theFileIsReadAgainWhenItChanges() throws IOException {
        assertEquals("local", sideOf("33612345678"));

        Files.writeString(csv, "33:remote\n");
        Files.setLastModifiedTime(csv, FileTime.fromMillis(Files.getLastModifiedTime(csv).toMillis() + 2000));
        assertEquals("remote", sideOf("33612345678"));

        Files.delete(csv);
        assertEquals("both", sideOf("33612345678"), "without the file every call keeps its sides");

        Files.writeString(csv, "3361:none\n");
        assertEquals("none", sideOf("33612345678"), "a file that appears is read");
    }

    @Test
    void aConfigurationChangeNamesAnotherFile() throws IOException {
        Files.writeString(etc.resolve("other.csv"), "33:none\n");
        System.setProperty("karaf.etc", etc.toString());
        try {
            selector.configure(config("other.csv"));
            assertEquals("none", sideOf("33612345678"), "a relative path is under ${karaf.etc}");

            Files.writeString(etc.resolve(DirectionSelector.DEFAULT_FILE), "33:remote\n");
            selector.configure(config(""));
            assertEquals("remote", sideOf("33612345678"), "Oreka's file name in ${karaf.etc} by default");
        } finally {
            System.clearProperty("karaf.etc");
        }
    }

    @Test
    void aSideChosenByARecordCommandStays() {
        TestTape tape = tape("33612345678");
        tape.data().onDemand = true;
        tape.data().side = "remote";

        assertEquals(Result.DONE, selector.process(tape));

        assertEquals("remote", tape.data().side);
    }

    @Test
    void aRecordingAlreadyWrittenIsLeftAlone() {
        TestTape tape = tape("33612345678");
        tape.data().file = "2026/11/28/10/20261128_100000_ABCD.wav";

        assertEquals(Result.DONE, selector.process(tape));

        assertEquals("both", tape.data().side);
    }

    private String sideOf(String remoteParty) {
        TestTape tape = tape(remoteParty);
        assertEquals(Result.DONE, selector.process(tape));
        return tape.data().side;
    }

    private TestTape tape(String remoteParty) {
        TestTape tape = TestTape.of(root, "20261128_100000_ABCD", JOURNAL);
        tape.data().remoteParty = remoteParty;
        return tape;
    }

    private static DirectionSelector.Config config(String file) {
        return new DirectionSelector.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DirectionSelector.Config.class;
            }

            @Override
            public String AreaCodesRecordedSideFile() {
                return file;
            }
        };
    }
}
