package org.oreka.testing;

import java.nio.file.Path;

import org.oreka.sdk.tape.Tape;
import org.oreka.sdk.tape.TapeDTO;

/**
 * A {@link Tape} for unit tests of tape processors: a {@link TapeDTO} over an audio root folder, refusing paths
 * outside that folder as the recorder's chain does.
 */
public final class TestTape implements Tape {

    private final TapeDTO data;
    private final Path root;

    public TestTape(TapeDTO data, Path root) {
        this.data = data;
        this.root = root.toAbsolutePath().normalize();
    }

    /** A tape with the given orkuid and file and every other field at its default. */
    public static TestTape of(Path root, String orkuid, String file) {
        TapeDTO data = new TapeDTO();
        data.orkuid = orkuid;
        data.file = file;
        return new TestTape(data, root);
    }

    @Override
    public TapeDTO data() {
        return data;
    }

    @Override
    public Path audioRoot() {
        return root;
    }

    @Override
    public Path resolve(String relativePath) {
        Path resolved = root.resolve(relativePath).normalize();
        if (!resolved.startsWith(root)) {
            throw new IllegalArgumentException("path '" + relativePath + "' lies outside " + root);
        }
        return resolved;
    }

    /** Always 0: the processor is offered the tape for the first time. */
    @Override
    public int attempt() {
        return 0;
    }
}
