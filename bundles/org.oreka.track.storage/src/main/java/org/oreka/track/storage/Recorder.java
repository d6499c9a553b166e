package org.oreka.track.storage;

import java.time.Instant;

/**
 * A recorder OrkTrack knows (a row of {@code orkservice}).
 *
 * @param id its row id
 * @param name its service name
 * @param hostname where its command and streaming ports are
 * @param tcpPort its command port, or 0 when unknown
 * @param streamingPort its live audio port, or 0 when unknown
 * @param serviceClass AUDIO, SCREEN, CTI or UNKN
 * @param absolutePath its audio folder, when it said
 * @param lastSeen when it last sent an init or tape message
 */
public record Recorder(long id, String name, String hostname, int tcpPort, int streamingPort, String serviceClass,
        String absolutePath, Instant lastSeen) {
}
