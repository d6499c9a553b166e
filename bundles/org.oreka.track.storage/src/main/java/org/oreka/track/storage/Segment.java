package org.oreka.track.storage;

import java.time.Instant;

/**
 * A recorded segment with what a search result shows of it and its recording.
 *
 * @param id its row id
 * @param timestamp when it began
 * @param durationSeconds its length
 * @param localParty the local party
 * @param remoteParty the other party
 * @param direction the call's direction
 * @param userId the user it belongs to, or null
 * @param orkuid its recording's id
 * @param filename its recording's file, relative to the recorder's audio folder
 * @param recorder its recording's recorder service name
 * @param tapeOffsetMillis where it starts in its recording
 */
public record Segment(long id, Instant timestamp, long durationSeconds, String localParty, String remoteParty,
        Direction direction, Long userId, String orkuid, String filename, String recorder, long tapeOffsetMillis) {
}
