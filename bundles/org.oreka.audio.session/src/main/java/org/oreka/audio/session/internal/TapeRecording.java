package org.oreka.audio.session.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

import org.oreka.audio.chain.TapeProperties;
import org.oreka.audio.journal.JournalWriter;
import org.oreka.sdk.tape.TapeDTO;

/**
 * A recording being written: its journal (the RTP payloads, under AudioOutputPath) and its sidecar (the tape's
 * description, under the recorder's state folder) from which a crash is recovered.
 */
final class TapeRecording {

    final TapeDTO tape;
    final Path journalFile;
    final Path sidecarFile;
    private final JournalWriter journal;

    TapeRecording(TapeDTO tape, Path journalFile, Path sidecarFile, int batchBytes) throws IOException {
        this.tape = tape;
        this.journalFile = journalFile;
        this.sidecarFile = sidecarFile;
        Files.createDirectories(journalFile.getParent());
        this.journal = new JournalWriter(journalFile, batchBytes);
        saveSidecar(false);
    }

    JournalWriter journal() {
        return journal;
    }

    /** Saves the tape's description next to the other recordings in progress. */
    void saveSidecar(boolean stopped) throws IOException {
        Properties p = new Properties();
        TapeProperties.write(tape, p);
        p.setProperty("journal", journalFile.toString());
        p.setProperty("stopped", Boolean.toString(stopped));
        Path temp = sidecarFile.resolveSibling(sidecarFile.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            p.store(out, "Oreka recording in progress");
        }
        Files.move(temp, sidecarFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Flushes the journal to disk so a crash loses nothing written so far. */
    void flush() throws IOException {
        journal.flush();
    }

    void close() throws IOException {
        journal.close();
    }

    /** Removes the recording's files (a tape too short to keep). */
    void delete() throws IOException {
        close();
        Files.deleteIfExists(journalFile);
        Files.deleteIfExists(sidecarFile);
    }

    /** Forgets the sidecar once the chain owns the tape. */
    void release() throws IOException {
        Files.deleteIfExists(sidecarFile);
    }
}
