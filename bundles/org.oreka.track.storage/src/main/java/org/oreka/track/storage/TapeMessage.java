package org.oreka.track.storage;

import java.time.Instant;
import java.util.List;

/**
 * A recorder's report about one recording ({@code type=tape}), in Oreka's fields.
 *
 * @param recid the recording's orkuid; the key that makes ingestion idempotent
 * @param stage what happened
 * @param capturePort the recorder's capture port name
 * @param timestamp when the recording began
 * @param durationSeconds its length so far
 * @param filename its file, relative to the recorder's audio folder
 * @param localParty the recorded party
 * @param localEntryPoint the number the local side was reached on
 * @param remoteParty the other party
 * @param direction the call's direction for the local party
 * @param service the recorder's service name
 * @param hostname the recorder's host name
 * @param localIp the local party's address
 * @param remoteIp the remote party's address
 * @param nativeCallId the signalling's call id (SIP Call-ID)
 * @param tags tags the recorder attached (for instance extracted SIP headers)
 * @param onDemand whether the recording was started on demand
 * @param side which sides are kept: both, local, remote or none
 * @param loginString the login string of the user, when the recorder knows it
 * @param mediaType {@code A} for audio, {@code S} for a screen recording
 * @param fileSize the recording's size in bytes, when the recorder reports it
 * @param callOrkuid for a screen recording, the orkuid of the call it belongs to ({@code orkuid} on the wire); else null
 */
public record TapeMessage(String recid, TapeStage stage, String capturePort, Instant timestamp, long durationSeconds,
        String filename, String localParty, String localEntryPoint, String remoteParty, Direction direction,
        String service, String hostname, String localIp, String remoteIp, String nativeCallId, List<TagEntry> tags,
        boolean onDemand, String side, String loginString, char mediaType, Long fileSize, String callOrkuid) {

    public TapeMessage {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A message that belongs to no other recording (an audio tape). */
    public TapeMessage(String recid, TapeStage stage, String capturePort, Instant timestamp, long durationSeconds,
            String filename, String localParty, String localEntryPoint, String remoteParty, Direction direction,
            String service, String hostname, String localIp, String remoteIp, String nativeCallId, List<TagEntry> tags,
            boolean onDemand, String side, String loginString, char mediaType, Long fileSize) {
        this(recid, stage, capturePort, timestamp, durationSeconds, filename, localParty, localEntryPoint, remoteParty,
                direction, service, hostname, localIp, remoteIp, nativeCallId, tags, onDemand, side, loginString, mediaType,
                fileSize, null);
    }

    /** Whether this is a screen recording ({@code mediatype=S}). */
    public boolean isScreen() {
        return mediaType == 'S';
    }
}
