package org.oreka.track.storage;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Searches recorded segments (OrkWeb's recordings page, the search benchmark). */
@ProviderType
public interface SegmentSearch {

    /**
     * The page of segments matching a query.
     *
     * @return up to {@code limit} segments, and whether more follow
     */
    Page search(SegmentQuery query);

    /** The segment with that id. */
    Optional<Segment> byId(long id);

    /** The segments of the recording stored in that file (relative to its recorder's audio folder). */
    List<Segment> ofFile(String filename);

    /**
     * One page of results.
     *
     * @param segments the segments, in the query's order
     * @param more whether further results follow
     */
    record Page(List<Segment> segments, boolean more) {
    }
}
