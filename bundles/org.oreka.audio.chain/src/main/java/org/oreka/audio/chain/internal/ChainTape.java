package org.oreka.audio.chain.internal;

import java.nio.file.Path;

import org.oreka.sdk.tape.Tape;
import org.oreka.sdk.tape.TapeDTO;

/** The view of a chain entry a processor works on, with paths confined to the audio root. */
final class ChainTape implements Tape {

    private final ChainEntry entry;
    private final Path audioRoot;

    ChainTape(ChainEntry entry, Path audioRoot) {
        this.entry = entry;
        this.audioRoot = audioRoot;
    }

    @Override
    public TapeDTO data() {
        return entry.tape;
    }

    @Override
    public Path audioRoot() {
        return audioRoot;
    }

    @Override
    public Path resolve(String relativePath) {
        return confine(audioRoot, relativePath);
    }

    @Override
    public int attempt() {
        return entry.attempts;
    }

    /** Resolves {@code relativePath} under {@code root}, refusing anything that would land outside it. */
    static Path confine(Path root, String relativePath) {
        Path normalRoot = root.toAbsolutePath().normalize();
        Path resolved = normalRoot.resolve(relativePath == null ? "" : relativePath).normalize();
        if (!resolved.startsWith(normalRoot)) {
            throw new IllegalArgumentException("path '" + relativePath + "' lies outside " + normalRoot);
        }
        return resolved;
    }
}
