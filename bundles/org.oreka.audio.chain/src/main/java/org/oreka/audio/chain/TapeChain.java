package org.oreka.audio.chain;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.oreka.sdk.tape.TapeDTO;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The tape-processor chain: finished recordings go in and visit the processors listed by
 * {@code TapeProcessors}, in order. Every tape is saved on disk before {@link #submit(TapeDTO)} returns and
 * after each step, so a restart or a missing processor delays tapes but never loses them.
 */
@ProviderType
public interface TapeChain {

    /**
     * Hands a finished recording to the chain.
     *
     * @throws IOException when the tape cannot be saved; the caller keeps responsibility for it
     */
    void submit(TapeDTO tape) throws IOException;

    /** The recorder's {@code AudioOutputPath}, root of every recording file. */
    Path audioRoot();

    /** The processor names of {@code TapeProcessors}, in order. */
    List<String> processorNames();

    /** Whether a processor of that name (case-insensitive) is available now. */
    boolean isAvailable(String processorName);

    /** The tapes in the chain now (waiting, running or retrying), oldest first. */
    List<ChainedTape> pending();

    /** The tapes a processor gave up on, oldest first. */
    List<ChainedTape> failed();

    /**
     * Puts a failed tape back into the chain at the step that failed.
     *
     * @return whether a failed tape with that orkuid existed
     */
    boolean retry(String orkuid) throws IOException;
}
