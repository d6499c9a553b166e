package org.oreka.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.oreka.track.storage.Direction;
import org.oreka.track.storage.SegmentQuery;
import org.oreka.track.storage.Visibility;

class SearchFormTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    private static final Instant NOW = Instant.parse("2026-11-28T10:15:30Z");

    private static SearchForm read(Map<String, String> parameters) {
        return SearchForm.read(parameters::get, NOW, ZONE);
    }

    @Test
    void withoutCriteriaTheSearchCoversTheLast24HoursNewestFirst() {
        SearchForm form = read(Map.of());
        assertTrue(form.errors.isEmpty());
        assertEquals(NOW.minus(Duration.ofHours(24)).minusSeconds(30), form.from);
        assertNull(form.to);
        SegmentQuery query = form.query(Visibility.ALL);
        assertEquals(SegmentQuery.Sort.NEWEST_FIRST, query.sort());
        assertEquals(0, query.offset());
        assertEquals(SearchForm.PAGE_SIZE, query.limit());
        assertEquals("2026-11-27T11:15", form.values.get("from"), "shown in the server's zone");
    }

    @Test
    void everyCriterionReachesTheQuery() {
        SearchForm form = read(Map.ofEntries(Map.entry("from", "2026-11-01T08:00"), Map.entry("to", "20261102_080000"),
                Map.entry("local", "50"), Map.entry("remote", "+331"), Map.entry("min", "5"), Map.entry("max", "60"),
                Map.entry("direction", "in"), Map.entry("user", "7"), Map.entry("group", "3"), Map.entry("tagtype", "Monitored"),
                Map.entry("tagtext", "test"), Map.entry("sort", "-duration"), Map.entry("page", "3")));
        assertTrue(form.errors.isEmpty(), form.errors.toString());
        SegmentQuery q = form.query(Visibility.ALL);
        assertEquals(Instant.parse("2026-11-01T07:00:00Z"), q.from());
        assertEquals(Instant.parse("2026-11-02T07:00:00Z"), q.to());
        assertEquals("50", q.localPartyPrefix());
        assertEquals("+331", q.remotePartyPrefix());
        assertEquals(5, q.minDurationSeconds());
        assertEquals(60, q.maxDurationSeconds());
        assertEquals(Direction.IN, q.direction());
        assertEquals(7L, q.userId());
        assertEquals(3L, q.groupId());
        assertEquals("Monitored", q.tagType());
        assertEquals("test", q.tagText());
        assertEquals(SegmentQuery.Sort.LONGEST_FIRST, q.sort());
        assertEquals(2 * SearchForm.PAGE_SIZE, q.offset());
        assertEquals(NOW, read(Map.of("to", "now")).to);
    }

    @Test
    void badParametersGiveOneClearMessageEachAndNoException() {
        SearchForm form = read(Map.ofEntries(Map.entry("from", "yesterday"), Map.entry("local", "50'; DROP TABLE"),
                Map.entry("min", "-1"), Map.entry("max", "ten"), Map.entry("direction", "sideways"), Map.entry("user", "0"),
                Map.entry("tagtext", "x"), Map.entry("orkuid", "../../etc"), Map.entry("sort", "password"),
                Map.entry("page", "0")));
        assertEquals(10, form.errors.size(), form.errors.toString());
        assertTrue(form.errors.get(0).startsWith("The start date must look like"));
        assertTrue(form.errors.contains("Direction must be in, out or all"));
        assertTrue(form.errors.contains("A tag text needs a tag type"));
        assertTrue(form.errors.contains("Unknown sort order 'password'"));
    }

    @Test
    void inconsistentRangesAreRefused() {
        assertEquals(1, read(Map.of("from", "2026-11-02T08:00", "to", "2026-11-01T08:00")).errors.size());
        assertEquals(1, read(Map.of("min", "30", "max", "10")).errors.size());
    }

    @Test
    void pagingLinksKeepTheCriteria() {
        SearchForm form = read(Map.of("local", "5001", "sort", "local"));
        assertEquals("local=5001&sort=local&from=2026-11-27T11%3A15&page=2", form.queryString(Map.of("page", "2")));
        assertEquals("sort=local&from=2026-11-27T11%3A15", form.queryString(java.util.Collections.singletonMap("local", null)));
    }
}
