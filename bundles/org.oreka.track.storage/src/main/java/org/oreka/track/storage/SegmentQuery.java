package org.oreka.track.storage;

import java.time.Instant;

/**
 * A search over recorded segments, as OrkWeb's search page asks it: every criterion is optional (null), parties
 * match as prefixes, results come newest first unless sorted otherwise.
 *
 * @param from earliest segment start, inclusive
 * @param to latest segment start, exclusive
 * @param localPartyPrefix the local party starts with this
 * @param remotePartyPrefix the remote party starts with this
 * @param minDurationSeconds shortest duration
 * @param maxDurationSeconds longest duration
 * @param direction IN or OUT; null or ALL for both
 * @param userId segments of this user
 * @param orkuid segments of this recording
 * @param sort the order of results
 * @param offset how many results to skip
 * @param limit how many results to return at most
 * @param groupId segments of the members of this regular group
 * @param tagType segments whose recording has a tag of this type
 * @param tagText with tagType: the tag's text starts with this
 * @param visibility whose segments the asker may see ({@link Visibility#ALL} for OrkTrack itself)
 */
public record SegmentQuery(Instant from, Instant to, String localPartyPrefix, String remotePartyPrefix,
        Integer minDurationSeconds, Integer maxDurationSeconds, Direction direction, Long userId, String orkuid,
        Sort sort, int offset, int limit, Long groupId, String tagType, String tagText, Visibility visibility) {

    public SegmentQuery {
        if (offset < 0 || limit <= 0 || limit > 10_000) {
            throw new TrackException("ERROR_INVALID_PARAMETER", "offset must be 0 or more and limit 1 to 10000");
        }
        if (visibility == null) {
            throw new TrackException("ERROR_INVALID_PARAMETER", "a search says whose segments may be seen");
        }
        sort = sort == null ? Sort.NEWEST_FIRST : sort;
    }

    /** A search of everything (OrkTrack itself, benchmarks) without group or tag criteria. */
    public SegmentQuery(Instant from, Instant to, String localPartyPrefix, String remotePartyPrefix,
            Integer minDurationSeconds, Integer maxDurationSeconds, Direction direction, Long userId, String orkuid,
            Sort sort, int offset, int limit) {
        this(from, to, localPartyPrefix, remotePartyPrefix, minDurationSeconds, maxDurationSeconds, direction, userId,
                orkuid, sort, offset, limit, null, null, null, Visibility.ALL);
    }

    /** The orders a search can return. */
    public enum Sort {
        NEWEST_FIRST,
        OLDEST_FIRST,
        LONGEST_FIRST,
        SHORTEST_FIRST,
        LOCAL_PARTY,
        LOCAL_PARTY_DESC,
        REMOTE_PARTY,
        REMOTE_PARTY_DESC,
        DIRECTION,
        DIRECTION_DESC
    }
}
