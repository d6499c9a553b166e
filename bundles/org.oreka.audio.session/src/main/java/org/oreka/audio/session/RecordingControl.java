package org.oreka.audio.session;

import java.util.List;

import org.oreka.sdk.tape.SessionDTO;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Recording control of the calls the recorder follows now: Oreka's {@code record}, {@code pause} and {@code stop}
 * commands, and {@code resume}.
 *
 * <p>Matching: a {@link CallSelector} by orkuid addresses the call whose current recording has that id; by native
 * call id, every call with that signalling id; by party, every call whose local party it is, or, when there is
 * none, every call whose remote party it is. Calls that have not started recording yet (ringing) match by party
 * and native call id too, and a command applies to them when they start.
 *
 * <p>Threading: safe to call from any thread. A command takes effect between two packets of the capture, never
 * within one, and returns once it has.
 *
 * <p>Every method returns a snapshot of each call acted on, taken just after the command took effect (for
 * {@link #stop}, of the recording it ended); an empty list when no live call matched.
 */
@ProviderType
public interface RecordingControl {

    /**
     * Keeps the calls' audio from now on (in on-demand mode, {@code LookBackRecording=false}, the first audio
     * their recordings keep), resumes a paused call, marks the recordings on demand and sets the sides they keep;
     * tape listeners hear an update.
     */
    List<SessionDTO> record(CallSelector calls, KeptSides sides);

    /** Stops keeping the calls' audio until {@link #resume} or {@link #record}; the paused stretch is left out. */
    List<SessionDTO> pause(CallSelector calls);

    /** Keeps the audio of paused calls again, in the same recording; calls that are not paused are unchanged. */
    List<SessionDTO> resume(CallSelector calls);

    /**
     * Ends the calls' current recordings now. The calls go on being followed: their later audio makes a new
     * recording (with a new orkuid) as a new call's would, so in on-demand mode it waits for another record.
     */
    List<SessionDTO> stop(CallSelector calls);
}
