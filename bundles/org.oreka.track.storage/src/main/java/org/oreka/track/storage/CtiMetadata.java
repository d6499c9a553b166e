package org.oreka.track.storage;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * CTI metadata ({@code type=metadata}) and its matching to recordings: a metadata segment matches the
 * recording of the same local party (or port, or call id) that overlaps it in time, within 3 seconds, and
 * becomes a segment of it with the CTI's parties, agent and tags.
 */
@ProviderType
public interface CtiMetadata {

    /**
     * Stores a metadata message and matches it when it stops.
     *
     * @return the metadata row's id
     */
    long ingest(MetadataMessage message);

    /**
     * Matches (again) the metadata with these ids, or when none are given every metadata in the time range.
     *
     * @return how many metadata rows matched a recording
     */
    int evaluate(List<Long> ids, Instant from, Instant to);
}
