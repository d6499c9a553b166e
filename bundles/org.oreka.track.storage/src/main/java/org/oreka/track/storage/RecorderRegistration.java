package org.oreka.track.storage;

/**
 * What a recorder says about itself in its {@code type=init} message.
 *
 * @param name its service name ({@code orkaudio-<host>} by default)
 * @param hostname where it runs
 * @param serviceType {@code A} for an audio recorder, {@code S} for a screen recorder
 * @param tcpPort its command port (59140)
 * @param streamingPort its live audio port (59120), or 0 when unknown
 * @param fileServeProtocol how its files are served (http)
 * @param fileServePort the port its files are served on
 * @param contextPath the web context its files are served under
 * @param servePath the path under that context
 * @param absolutePath its audio folder on its own disk
 */
public record RecorderRegistration(String name, String hostname, String serviceType, int tcpPort, int streamingPort,
        String fileServeProtocol, int fileServePort, String contextPath, String servePath, String absolutePath) {
}
