package org.oreka.track.storage;

import java.time.Instant;
import java.util.List;

/**
 * A CTI system's report about a call segment ({@code type=metadata}), with the tape message's fields.
 *
 * @param recid the CTI's id of the segment, if it gives one (start and stop are paired by it)
 * @param stage START or STOP
 * @param timestamp when the segment began
 * @param durationSeconds its length (at stop)
 * @param localParty the local party
 * @param localEntryPoint the number the local side was reached on
 * @param remoteParty the other party
 * @param direction the call's direction
 * @param loginString the agent's login string
 * @param capturePort the port the CTI names
 * @param nativeCallId the call's id in the telephony system
 * @param service the CTI service's name
 * @param tags tags for the matched recording
 */
public record MetadataMessage(String recid, TapeStage stage, Instant timestamp, long durationSeconds, String localParty,
        String localEntryPoint, String remoteParty, Direction direction, String loginString, String capturePort,
        String nativeCallId, String service, List<TagEntry> tags) {

    public MetadataMessage {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
