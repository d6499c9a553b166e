package org.oreka.audio.chain;

import org.oreka.sdk.tape.TapeDTO;

/**
 * A tape in the chain and where it stands.
 *
 * @param tape a copy of the tape's description
 * @param step the processor the tape waits for or runs in; for a failed tape, the processor that gave up
 * @param state {@code waiting} (its processor is not installed), {@code queued}, {@code running},
 *        {@code retrying} or {@code failed}
 * @param attempts how often {@code step} was tried for this tape
 * @param submittedMillis when the tape entered the chain
 */
public record ChainedTape(TapeDTO tape, String step, String state, int attempts, long submittedMillis) {
}
