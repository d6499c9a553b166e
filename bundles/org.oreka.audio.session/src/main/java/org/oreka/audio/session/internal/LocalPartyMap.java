package org.oreka.audio.session.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Oreka's {@code localpartymap.csv}: lines {@code old,new} that rename parties (local and remote) in every
 * recording; lines of four characters or fewer are skipped, as Oreka does. The file is re-read when its
 * modification time changes, checked at most every five seconds.
 */
final class LocalPartyMap {

    private static final Logger LOG = LoggerFactory.getLogger(LocalPartyMap.class);
    private static final long CHECK_INTERVAL_MS = 5000;

    private final Path file;
    private volatile Map<String, String> map = Map.of();
    private FileTime loadedTime;
    private long lastCheck = Long.MIN_VALUE;

    LocalPartyMap(Path file) {
        this.file = file;
        reloadIfChanged(System.currentTimeMillis());
    }

    /** The party to report instead of {@code party}, or {@code party} itself. */
    String map(String party) {
        if (party.isEmpty()) {
            return party;
        }
        return map.getOrDefault(party, party);
    }

    /** Re-reads the file when it changed; cheap when called often. */
    synchronized void reloadIfChanged(long nowMillis) {
        if (nowMillis - lastCheck < CHECK_INTERVAL_MS) {
            return;
        }
        lastCheck = nowMillis;
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (modified.equals(loadedTime)) {
                return;
            }
            Map<String, String> loaded = new HashMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String trimmed = line.strip();
                int comma = trimmed.indexOf(',');
                if (trimmed.length() <= 4 || comma <= 0) {
                    continue;
                }
                loaded.put(trimmed.substring(0, comma).strip(), trimmed.substring(comma + 1).strip());
            }
            map = Map.copyOf(loaded);
            loadedTime = modified;
            LOG.info("Loaded {} party mappings from {}", loaded.size(), file);
        } catch (NoSuchFileException e) {
            map = Map.of();
            loadedTime = null;
        } catch (IOException e) {
            LOG.warn("Cannot read {}: {}", file, e.toString());
        }
    }
}
