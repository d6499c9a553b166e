package org.oreka.example.checksum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oreka.sdk.tape.Tape;
import org.oreka.sdk.tape.TapeDTO;
import org.oreka.sdk.tape.TapeProcessor.Result;

class ChecksumTapeProcessorTest {

    @TempDir
    Path root;

    @Test
    void writesSha256sumLineBesideTheRecording() throws IOException {
        Files.createDirectories(root.resolve("2026/11/28/10"));
        Files.writeString(root.resolve("2026/11/28/10/20261128_100000_ABCD.wav"), "abc", StandardCharsets.US_ASCII);

        Result result = new ChecksumTapeProcessor().process(tape("2026/11/28/10/20261128_100000_ABCD.wav"));

        assertEquals(Result.DONE, result);
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  20261128_100000_ABCD.wav\n",
                Files.readString(root.resolve("2026/11/28/10/20261128_100000_ABCD.wav.sha256")));
        assertFalse(Files.exists(root.resolve("2026/11/28/10/20261128_100000_ABCD.wav.sha256.part")));
    }

    @Test
    void givesUpOnAMissingRecording() {
        assertEquals(Result.GIVE_UP, new ChecksumTapeProcessor().process(tape("missing.wav")));
    }

    private Tape tape(String file) {
        TapeDTO dto = new TapeDTO();
        dto.orkuid = "20261128_100000_ABCD";
        dto.file = file;
        return new Tape() {
            @Override
            public TapeDTO data() {
                return dto;
            }

            @Override
            public Path audioRoot() {
                return root;
            }

            @Override
            public Path resolve(String relativePath) {
                return root.resolve(relativePath);
            }

            @Override
            public int attempt() {
                return 0;
            }
        };
    }
}
