package org.oreka.track.storage;

import java.time.Instant;
import java.util.List;

/**
 * A call being recorded now, as OrkTrack knows it from its recorder's tape messages.
 *
 * @param orkuid the recording's id
 * @param recorder the service name of the recorder that holds it
 * @param localParty the recorded party
 * @param remoteParty the other party
 * @param direction the call's direction
 * @param side which sides are kept
 * @param started when the call began
 * @param paused whether recording is paused (on-demand pause)
 * @param onHold whether the call is on hold
 * @param decision the live keep/discard decision
 * @param tags the tags added so far
 */
public record LiveCall(String orkuid, String recorder, String localParty, String remoteParty, Direction direction,
        String side, Instant started, boolean paused, boolean onHold, LiveDecision decision, List<TagEntry> tags) {

    public LiveCall {
        tags = List.copyOf(tags);
    }
}
