package org.oreka.audio.session.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Properties;
import java.util.function.Predicate;

import org.oreka.audio.chain.TapeProperties;
import org.oreka.audio.journal.JournalReader;
import org.oreka.audio.journal.JournalRecord;
import org.oreka.sdk.tape.TapeDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes the recordings a crash left behind: each sidecar in the state folder names a journal; the journal is
 * cut back to its last complete record, the tape's length is taken from its last packet, and the tape goes on
 * into the chain like any other.
 */
final class TapeRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(TapeRecovery.class);

    private final Path stateDirectory;
    private final Path audioRoot;
    private final Predicate<TapeDTO> handOver;

    /** @param handOver gives a recovered tape to the chain; returns false when that failed */
    TapeRecovery(Path stateDirectory, Path audioRoot, Predicate<TapeDTO> handOver) {
        this.stateDirectory = stateDirectory;
        this.audioRoot = audioRoot;
        this.handOver = handOver;
    }

    void recover() {
        try (DirectoryStream<Path> sidecars = Files.newDirectoryStream(stateDirectory, "*.tape")) {
            for (Path sidecar : sidecars) {
                recover(sidecar);
            }
        } catch (IOException e) {
            LOG.error("Cannot look for recordings left by a crash in {}: {}", stateDirectory, e.toString());
        }
    }

    private void recover(Path sidecar) {
        try {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(sidecar)) {
                p.load(in);
            }
            TapeDTO tape = TapeProperties.read(p);
            Path journal = audioRoot.resolve(tape.file);
            if (!Boolean.parseBoolean(p.getProperty("stopped"))) {
                tape.durationMillis = repairJournal(journal, tape.startMillis);
                LOG.info("Recovered recording {} ({} ms) left by an interrupted run", tape.orkuid, tape.durationMillis);
            }
            if (handOver.test(tape)) {
                Files.delete(sidecar);
            }
        } catch (NoSuchFileException e) {
            LOG.warn("Recording left by a crash has no journal any more ({}); forgetting it", e.getFile());
            deleteQuietly(sidecar);
        } catch (IOException | RuntimeException e) {
            LOG.error("Cannot recover the recording described by {}: {}", sidecar, e.toString());
        }
    }

    /** Cuts a damaged tail off the journal and returns the recording's length up to its last packet. */
    private static long repairJournal(Path journal, long startMillis) throws IOException {
        long lastArrivalMicros = startMillis * 1000;
        long valid;
        try (JournalReader reader = new JournalReader(journal)) {
            for (JournalRecord record = reader.next(); record != null; record = reader.next()) {
                if (!record.isMetadata()) {
                    lastArrivalMicros = Math.max(lastArrivalMicros, record.arrivalMicros());
                }
            }
            valid = reader.validBytes();
        }
        try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.WRITE)) {
            if (channel.size() > valid) {
                channel.truncate(valid);
            }
        }
        return Math.max(0, lastArrivalMicros / 1000 - startMillis) + 20;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Cannot delete {}: {}", file, e.toString());
        }
    }
}
