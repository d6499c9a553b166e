package org.oreka.audio.session.internal;

import org.oreka.sdk.tape.SessionDTO;
import org.oreka.sdk.tape.TagDTO;
import org.oreka.sdk.tape.TapeDTO;

/** What the session tracker tells the rest of the recorder; the tracker calls it under its lock, in order. */
interface TrackerEvents {

    /** A recording started. */
    void started(TapeDTO tape);

    /** A running recording's details changed. */
    void updated(TapeDTO tape);

    /** A running recording's call was put on hold ({@code true}) or taken off hold. */
    void held(TapeDTO tape, boolean onHold);

    /**
     * A recording stopped and its journal is closed.
     *
     * @param kept false when the recording was too short and its files were deleted
     * @param summary the session's final state (sides, packets)
     * @return whether the tape was handed on (to the tape-processor chain), so its in-progress state can go
     */
    boolean stopped(TapeDTO tape, boolean kept, SessionDTO summary);

    /** A tag was added to a running recording. */
    void tagged(TagDTO tag);
}
