package org.oreka.audio.directionselector.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Oreka's {@code area-codes-recorded-side.csv}: one {@code <prefix>:<side>} per line, the side of the calls to keep
 * ({@code both}, {@code local}, {@code remote} or {@code none}) when the remote party starts with the prefix.
 * Blank lines and lines starting with {@code #} are skipped; a comma may stand for the colon. The file is read
 * again whenever its modification time or size changes.
 */
final class AreaCodeFile {

    private static final Logger LOG = LoggerFactory.getLogger(AreaCodeFile.class);
    private static final Set<String> SIDES = Set.of("both", "local", "remote", "none");

    private final Path file;
    private Map<String, String> sideByPrefix = Map.of();
    /** Modification time and size of the version read; null while there is no file. */
    private FileTime loadedTime;
    private long loadedSize = -1;
    private boolean reportedMissing;

    AreaCodeFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    /** The side to keep of a call with this remote party: that of its longest listed prefix; empty when none. */
    synchronized Optional<String> sideFor(String remoteParty) {
        reloadIfChanged();
        if (remoteParty == null || remoteParty.isEmpty()) {
            return Optional.empty();
        }
        for (int length = remoteParty.length(); length > 0; length--) {
            String side = sideByPrefix.get(remoteParty.substring(0, length));
            if (side != null) {
                return Optional.of(side);
            }
        }
        return Optional.empty();
    }

    private void reloadIfChanged() {
        BasicFileAttributes attributes;
        List<String> lines;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.lastModifiedTime().equals(loadedTime) && attributes.size() == loadedSize) {
                return;
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            missing();
            return;
        } catch (IOException e) {
            LOG.warn("DirectionSelector cannot read {}: {}; the area codes read before stay in effect", file, e.toString());
            return;
        }
        Map<String, String> loaded = new HashMap<>();
        List<Integer> invalid = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int separator = firstSeparator(line);
            String prefix = separator < 0 ? "" : line.substring(0, separator).strip();
            String side = separator < 0 ? "" : line.substring(separator + 1).strip().toLowerCase(Locale.ROOT);
            if (prefix.isEmpty() || !SIDES.contains(side)) {
                invalid.add(i + 1);
            } else {
                loaded.put(prefix, side);
            }
        }
        sideByPrefix = Map.copyOf(loaded);
        loadedTime = attributes.lastModifiedTime();
        loadedSize = attributes.size();
        reportedMissing = false;
        LOG.info("DirectionSelector: {} area codes read from {}", loaded.size(), file);
        if (!invalid.isEmpty()) {
            LOG.warn("DirectionSelector: lines {} of {} are not <prefix>:<side> with side both, local, remote or none; "
                    + "they are ignored", invalid, file);
        }
    }

    private static int firstSeparator(String line) {
        int colon = line.indexOf(':');
        int comma = line.indexOf(',');
        return colon < 0 ? comma : comma < 0 ? colon : Math.min(colon, comma);
    }

    private void missing() {
        sideByPrefix = Map.of();
        loadedTime = null;
        loadedSize = -1;
        if (!reportedMissing) {
            reportedMissing = true;
            LOG.info("DirectionSelector: there is no {}; every call keeps the sides it has", file);
        }
    }
}
