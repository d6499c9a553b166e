package org.oreka.audio.session;

import org.oreka.sdk.tape.TagDTO;
import org.oreka.sdk.tape.TapeDTO;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hears about recordings as the session tracker starts and stops them (Reporting, the live event stream).
 *
 * <p>Register implementations as OSGi services. Calls come from capture threads (or from the thread of the
 * recording-control command that caused them), in order per recording; a listener must return quickly (queue the
 * work) and never throw. The DTOs are copies the listener may keep.
 */
@ConsumerType
public interface TapeListener {

    /** A recording started; its parties and direction are known (Oreka's {@code stage=start}). */
    void tapeStarted(TapeDTO tape);

    /** A recording's details changed while it runs (Oreka's {@code stage=update}). */
    void tapeUpdated(TapeDTO tape);

    /**
     * A running recording's call was put on hold (every media stream of a re-INVITE sendonly or inactive) or taken
     * off hold (Oreka's {@code stage=hold} and {@code stage=resume}). Does nothing unless implemented.
     *
     * @since 1.2
     */
    default void tapeHeld(TapeDTO tape, boolean onHold) {
    }

    /** A recording stopped; it now goes through the tape-processor chain (Oreka's {@code stage=stop}). */
    void tapeStopped(TapeDTO tape);

    /** A tag was added to a running recording, for instance a DTMF digit ({@code type=addtag}). */
    void tagAdded(TagDTO tag);
}
