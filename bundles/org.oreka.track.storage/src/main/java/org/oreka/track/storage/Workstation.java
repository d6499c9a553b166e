package org.oreka.track.storage;

/**
 * A desktop whose screen OrkRfb can record (a row of {@code orkworkstation}).
 *
 * @param id its row id
 * @param name its display name
 * @param hostname its host name or address, as agents' logins give it
 * @param rfbPort the VNC port of its screen
 */
public record Workstation(long id, String name, String hostname, int rfbPort) {
}
