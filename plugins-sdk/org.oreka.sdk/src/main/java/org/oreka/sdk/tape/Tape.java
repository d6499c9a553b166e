package org.oreka.sdk.tape;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A finished recording on its way through the tape-processor chain, as a {@link TapeProcessor} sees it.
 */
@ProviderType
public interface Tape {

    /**
     * The tape's description. A processor may change its fields (for instance {@link TapeDTO#file} after
     * converting the audio); the chain saves them when the processor returns {@code DONE}.
     */
    TapeDTO data();

    /** The recorder's {@code AudioOutputPath}. */
    Path audioRoot();

    /**
     * Resolves a path relative to {@link #audioRoot()}.
     *
     * @throws IllegalArgumentException when the result would lie outside {@link #audioRoot()}
     */
    Path resolve(String relativePath);

    /** The current audio file: {@link TapeDTO#file} resolved against {@link #audioRoot()}. */
    default Path audioFile() {
        return resolve(data().file);
    }

    /** How many times this processor was called for this tape before (0 on the first call). */
    int attempt();
}
