package org.oreka.audio.session.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oreka.audio.journal.JournalReader;
import org.oreka.sdk.tape.TapeDTO;

class TapeRecoveryTest {

    @TempDir
    Path root;

    @Test
    void aRecordingInterruptedByACrashIsFinishedAndHandedOn() throws Exception {
        Path audio = Files.createDirectories(root.resolve("audio"));
        Path state = Files.createDirectories(root.resolve("state"));
        TapeDTO tape = new TapeDTO();
        tape.orkuid = "20261128_100000_CRSH";
        tape.startMillis = 1_764_324_000_000L;
        tape.localParty = "alice";
        tape.file = "2026/11/28/10/20261128_100000_CRSH.mcf";
        TapeRecording recording = new TapeRecording(tape, audio.resolve(tape.file), state.resolve(tape.orkuid + ".tape"), 4096);
        for (int i = 0; i < 100; i++) {
            recording.journal().appendRtp(1, 0, i, 160 * i, 7, false, tape.startMillis * 1000 + 20_000L * i, new byte[160], 0, 160);
        }
        recording.flush();
        // The crash: the process dies mid-write, leaving half a record and no stop.
        try (FileChannel journal = FileChannel.open(audio.resolve(tape.file), StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            journal.write(java.nio.ByteBuffer.wrap(new byte[] {0x2A, 0x2A, 0x2A, 0x2A, 10, 0}));
        }

        List<TapeDTO> handed = new ArrayList<>();
        new TapeRecovery(state, audio, t -> handed.add(t)).recover();

        assertEquals(1, handed.size());
        assertEquals("alice", handed.get(0).localParty);
        assertEquals(99 * 20 + 20, handed.get(0).durationMillis, "up to the end of the last whole packet");
        assertFalse(Files.exists(state.resolve(tape.orkuid + ".tape")), "the sidecar goes once the chain has the tape");
        try (JournalReader reader = new JournalReader(audio.resolve(tape.file))) {
            int records = 0;
            while (reader.next() != null) {
                records++;
            }
            assertEquals(100, records);
            assertFalse(reader.damaged(), "the torn record was cut off");
        }
    }

    @Test
    void aTapeTheChainCannotTakeYetStaysForTheNextStart() throws Exception {
        Path audio = Files.createDirectories(root.resolve("audio"));
        Path state = Files.createDirectories(root.resolve("state"));
        TapeDTO tape = new TapeDTO();
        tape.orkuid = "20261128_100000_KEEP";
        tape.file = "t.mcf";
        new TapeRecording(tape, audio.resolve(tape.file), state.resolve(tape.orkuid + ".tape"), 4096).close();
        new TapeRecovery(state, audio, t -> false).recover();
        assertTrue(Files.exists(state.resolve(tape.orkuid + ".tape")));
    }
}
