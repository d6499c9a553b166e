package org.oreka.track.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oreka.track.storage.Direction;
import org.oreka.track.storage.MetadataMessage;
import org.oreka.track.storage.Segment;
import org.oreka.track.storage.SegmentQuery;
import org.oreka.track.storage.TagEntry;
import org.oreka.track.storage.TapeStage;
import org.oreka.track.storage.TrackException;
import org.oreka.track.storage.UserUpdate;

class MetadataAndTagsTest {

    private static final Instant T0 = Instant.parse("2024-01-01T10:15:00Z");

    private TrackFixture track;

    @BeforeEach
    void open() throws Exception {
        track = new TrackFixture();
    }

    @AfterEach
    void close() {
        track.close();
    }

    private long metadata(String recid, TapeStage stage, Instant start, long duration, String local, String agent, TagEntry... tags) {
        return track.recordings.ingest(new MetadataMessage(recid, stage, start, duration, local, null, "5551234", Direction.IN,
                agent, null, null, "cti-1", List.of(tags)));
    }

    private List<Segment> segments(String orkuid) {
        return track.search.search(new SegmentQuery(null, null, null, null, null, null, null, null, orkuid,
                SegmentQuery.Sort.OLDEST_FIRST, 0, 100)).segments();
    }

    @Test
    void ctiSegmentsMatchedBeforeTheRecordingIsStoredBecomeItsSegments() {
        track.users.save(new UserUpdate("agent-1", "Ann", "One", null, null, null, null, null, null));
        track.users.save(new UserUpdate("agent-2", "Bob", "Two", null, null, null, null, null, null));
        metadata("cti-a", TapeStage.START, T0, 0, "1001", "agent-1");
        metadata("cti-a", TapeStage.STOP, T0, 40, "1001", "agent-1", new TagEntry("Queue", "Sales", null));
        metadata("cti-b", TapeStage.STOP, T0.plusSeconds(40), 50, "1001", "agent-2");
        track.call("20240101_101500_CTI1", T0.minusSeconds(1), 92, "1001", "5551234", Direction.IN);
        List<Segment> segments = segments("20240101_101500_CTI1");
        assertEquals(2, segments.size(), "a transferred call: one segment per agent");
        assertEquals(1000, segments.get(0).tapeOffsetMillis());
        assertEquals(41000, segments.get(1).tapeOffsetMillis());
        assertEquals(track.users.byLoginString("agent-2").orElseThrow().id(), segments.get(1).userId());
        assertTrue(track.recordings.tagsOf("20240101_101500_CTI1").contains(new TagEntry("Queue", "Sales", null)));
    }

    @Test
    void ctiArrivingAfterTheRecordingReplacesItsWholeSegmentAndCanBeEvaluatedAgain() {
        track.call("20240101_101500_CTI2", T0, 60, "1002", "5551234", Direction.IN);
        assertEquals(1, segments("20240101_101500_CTI2").size());
        long late = metadata("cti-late", TapeStage.STOP, T0.plusSeconds(10), 30, "1002", "agent-9");
        List<Segment> segments = segments("20240101_101500_CTI2");
        assertEquals(1, segments.size());
        assertEquals(10_000, segments.get(0).tapeOffsetMillis());
        assertEquals(1, track.recordings.evaluate(List.of(late), null, null));
        assertEquals(1, segments("20240101_101500_CTI2").size(), "evaluating again does not double the segment");
        long unrelated = metadata("cti-none", TapeStage.STOP, T0.plusSeconds(3600), 30, "1002", null);
        assertEquals(0, track.recordings.evaluate(List.of(unrelated), null, null));
        assertEquals(1, track.recordings.evaluate(List.of(), T0.minusSeconds(60), T0.plusSeconds(60)));
        assertThrows(TrackException.class, () -> track.recordings.evaluate(List.of(), null, null));
    }

    @Test
    void tagsByOrkuidByLocalPartyAndByAnotherTagIncludingFutureRecordings() {
        track.call("20240101_101500_TG1", T0, 30, "1003", "555", Direction.IN);
        track.recordings.tagRecording("20240101_101500_TG1", List.of(new TagEntry("Campaign", "Winter", null)));
        track.recordings.ingest(TrackFixture.tape("20240101_101600_TG2", TapeStage.START, T0.plusSeconds(60), 0, "1003", "555",
                Direction.IN)).toCompletableFuture().join();
        assertEquals(List.of("20240101_101600_TG2"),
                track.recordings.tagLocalParty("1003", List.of(new TagEntry("Monitored", "test", null))).orkuids(),
                "the live call gets the tag");
        var like = track.recordings.tagLike("Campaign", "Winter", List.of(new TagEntry("Reviewed", "yes", null)));
        assertEquals(List.of("20240101_101500_TG1"), like.orkuids());
        assertTrue(like.pending());
        track.recordings.tagRecording("20240101_101600_TG2", List.of(new TagEntry("Campaign", "Winter", null)));
        assertTrue(track.recordings.tagsOf("20240101_101600_TG2").contains(new TagEntry("Reviewed", "yes", null)),
                "a recording that gets the tag later gets the pending tags too");
        assertTrue(track.recordings.byOrkuid("20240101_101600_TG2").orElseThrow().tags()
                .contains(new TagEntry("Reviewed", "yes", null)));
        assertThrows(TrackException.class, () -> track.recordings.tagLocalParty("4444", List.of(new TagEntry("a", "b", null))));
    }

    @Test
    void searchFiltersByDatePartyPrefixDurationAndDirectionAndPages() {
        for (int i = 0; i < 25; i++) {
            track.call(String.format("20240101_1015%02d_S%03d", i, i), T0.plusSeconds(i * 60L), 10 + i, i % 2 == 0 ? "5001" : "6001",
                    "555" + i, i % 3 == 0 ? Direction.OUT : Direction.IN);
        }
        var all = track.search.search(new SegmentQuery(T0, T0.plusSeconds(3600), null, null, null, null, null, null, null,
                null, 0, 10));
        assertEquals(10, all.segments().size());
        assertTrue(all.more());
        for (int i = 0; i < 10; i++) {
            assertEquals(T0.plusSeconds((24 - i) * 60L), all.segments().get(i).timestamp(), "newest first");
        }
        var oldest = track.search.search(new SegmentQuery(T0, T0.plusSeconds(3600), null, null, null, null, null, null, null,
                SegmentQuery.Sort.OLDEST_FIRST, 0, 3));
        assertEquals(List.of(T0, T0.plusSeconds(60), T0.plusSeconds(120)),
                oldest.segments().stream().map(Segment::timestamp).toList());
        var last = track.search.search(new SegmentQuery(T0, T0.plusSeconds(3600), null, null, null, null, null, null, null,
                null, 20, 10));
        assertEquals(5, last.segments().size());
        assertTrue(!last.more());
        assertEquals(13, track.search.search(new SegmentQuery(null, null, "50", null, null, null, null, null, null, null, 0, 100))
                .segments().size());
        assertEquals(10, track.search.search(new SegmentQuery(null, null, null, "5551", 20, null, null, null, null, null, 0, 100))
                .segments().size(), "55510 to 55519, all at least 20 s long");
        assertEquals(5, track.search.search(new SegmentQuery(null, null, null, "5551", 20, 24, null, null, null, null, 0, 100))
                .segments().size(), "55510 to 55514 are at most 24 s long");
        assertEquals(9, track.search.search(new SegmentQuery(null, null, null, null, null, null, Direction.OUT, null, null, null,
                0, 100)).segments().size());
        assertEquals(0, track.search.search(new SegmentQuery(null, null, "5%", null, null, null, null, null, null, null, 0, 100))
                .segments().size(), "a % in a prefix is a character, not a wildcard");
    }
}
