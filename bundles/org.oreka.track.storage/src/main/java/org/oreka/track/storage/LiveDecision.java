package org.oreka.track.storage;

/**
 * The Live Monitoring controls' decision for a call: keep it whatever the programs say, drop it, or let the
 * programs decide.
 */
public enum LiveDecision {
    KEEP,
    DROP,
    NEITHER
}
