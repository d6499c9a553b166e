package org.oreka.audio.chain.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import org.oreka.audio.chain.TapeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps chain entries on disk, one properties file per tape under {@code pending/} or {@code failed/}, written
 * to a temporary file and moved into place so a crash leaves either the old or the new state.
 */
final class ChainStore {

    private static final Logger LOG = LoggerFactory.getLogger(ChainStore.class);
    private static final String SUFFIX = ".tape";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_.@-]{1,200}");

    private final Path pending;
    private final Path failed;

    ChainStore(Path directory) throws IOException {
        this.pending = Files.createDirectories(directory.resolve("pending"));
        this.failed = Files.createDirectories(directory.resolve("failed"));
    }

    void savePending(ChainEntry entry) throws IOException {
        write(pending, entry);
    }

    void removePending(ChainEntry entry) throws IOException {
        Files.deleteIfExists(file(pending, entry.orkuid()));
    }

    void moveToFailed(ChainEntry entry) throws IOException {
        write(failed, entry);
        Files.deleteIfExists(file(pending, entry.orkuid()));
    }

    void removeFailed(String orkuid) throws IOException {
        Files.deleteIfExists(file(failed, orkuid));
    }

    List<ChainEntry> loadPending() {
        return load(pending);
    }

    List<ChainEntry> loadFailed() {
        return load(failed);
    }

    private static void write(Path folder, ChainEntry entry) throws IOException {
        Properties p = new Properties();
        synchronized (entry) {
            TapeProperties.write(entry.tape, p);
            p.setProperty("chain.submitted", Long.toString(entry.submittedMillis));
            p.setProperty("chain.completed", String.join(",", entry.completed));
            p.setProperty("chain.attempts", Integer.toString(entry.attempts));
            if (entry.failedAt != null) {
                p.setProperty("chain.failedAt", entry.failedAt);
            }
        }
        Path target = file(folder, entry.orkuid());
        Path temp = folder.resolve(target.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            p.store(out, "tape in the Oreka tape-processor chain");
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<ChainEntry> load(Path folder) {
        List<ChainEntry> entries = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    Properties p = new Properties();
                    p.load(in);
                    ChainEntry entry = new ChainEntry(TapeProperties.read(p),
                            Long.parseLong(p.getProperty("chain.submitted", "0")),
                            TapeProperties.csv(p.getProperty("chain.completed")));
                    entry.attempts = Integer.parseInt(p.getProperty("chain.attempts", "0"));
                    entry.failedAt = p.getProperty("chain.failedAt");
                    entries.add(entry);
                } catch (IOException | RuntimeException e) {
                    LOG.error("Unreadable chain entry {} left in place: {}", file, e.toString());
                }
            }
        } catch (IOException e) {
            LOG.error("Cannot list chain entries in {}: {}", folder, e.toString());
        }
        entries.sort(Comparator.comparingLong((ChainEntry e) -> e.submittedMillis).thenComparing(ChainEntry::orkuid));
        return entries;
    }

    private static Path file(Path folder, String orkuid) {
        if (orkuid == null || !SAFE_ID.matcher(orkuid).matches()) {
            throw new IllegalArgumentException("orkuid unusable as a file name: '" + orkuid + "'");
        }
        return folder.resolve(orkuid + SUFFIX);
    }
}
