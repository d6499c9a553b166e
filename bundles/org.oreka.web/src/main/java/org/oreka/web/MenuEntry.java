package org.oreka.web;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An entry of OrkWeb's navigation menu, registered as a whiteboard service; entries appear and go with their
 * services, sorted by {@link #order()} then label. OrkWeb's own entries use orders 10 to 30 (Recordings, Live
 * monitoring) and 90 (Account); administration entries belong between 50 and 80.
 */
@ConsumerType
public interface MenuEntry {

    /** The text of the entry (plain text: OrkWeb escapes it). */
    String label();

    /** The page's path inside the OrkWeb context, starting with {@code /} (e.g. {@code /admin/users}). */
    String path();

    /** Whether only administrators see the entry (the context enforces it for paths under {@code /admin/}). */
    boolean adminOnly();

    /** Where the entry goes in the menu, smaller first. */
    int order();
}
