package org.oreka.track.storage;

import java.time.Instant;

/**
 * A screen recording OrkRfb made beside a call (a tape with {@code mediaType} S).
 *
 * @param recid the screen recording's own id
 * @param callOrkuid the orkuid of the call it belongs to
 * @param filename its video, relative to the screen recorder's {@code ScreenOutputPath} (WebM)
 * @param start when it began
 * @param durationSeconds its length (0 until it has stopped)
 * @param recorder the service name of the screen recorder that made it, or null
 * @param hostname the host of that screen recorder, or null
 * @param state {@code START} while recording, {@code STOP}, or {@code READY} once the video is finished
 */
public record ScreenRecording(String recid, String callOrkuid, String filename, Instant start, long durationSeconds,
        String recorder, String hostname, String state) {
}
