package org.oreka.track.storage.internal;

/**
 * Registered once the database schema is current; the storage bundle's repositories require it so that no
 * query runs against an older schema.
 */
public interface OrekaSchema {

    /** The schema version the database has. */
    int version();
}
