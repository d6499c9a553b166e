package org.oreka.web.screen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.oreka.track.storage.ScreenRecording;
import org.oreka.track.storage.Segment;
import org.oreka.web.SegmentDetailSection.Section;
import org.oreka.web.Viewer;

/** The Screen section of the detail page, from the screen recordings stored with a call. */
class ScreenSectionTest {

    private static final Viewer ADMIN = new Viewer("admin", 1, true, "Admin");

    private static Segment segment(String orkuid) {
        return new Segment(42, Instant.parse("2026-11-29T10:15:00Z"), 60, "5001", "5551234", null, null, orkuid,
                "2026/11/29/10/" + orkuid + ".wav", "orkaudio-test", 0);
    }

    private static ScreenRecording screen(String recid, String state) {
        return new ScreenRecording(recid, "CALL1", "2026/11/29/10/" + recid + ".webm", Instant.parse("2026-11-29T10:15:01Z"),
                58, "orkrfb-test", "desk<01>", state);
    }

    @Test
    void aCallWithoutScreenRecordingsHasNoSection() {
        ScreenSection section = new ScreenSection(orkuid -> List.of());
        assertTrue(section.render(segment("CALL1"), ADMIN).isEmpty());
    }

    @Test
    void eachFinishedScreenRecordingGetsAPlayerReachedThroughTheSegment() {
        Map<String, List<ScreenRecording>> byCall = Map.of("CALL1",
                List.of(screen("CALL1_S1", "READY"), screen("CALL1_S2", "START")));
        Section section = new ScreenSection(orkuid -> byCall.getOrDefault(orkuid, List.of())).render(segment("CALL1"), ADMIN)
                .orElseThrow();
        assertEquals("Screen", section.title());
        assertTrue(section.bodyHtml().contains(
                "<video class=\"screen\" controls preload=\"metadata\" src=\"/orkweb/screen/42/CALL1_S1\"></video>"),
                section.bodyHtml());
        assertTrue(section.bodyHtml().contains("Still being recorded."), "the one in progress has no player yet");
        assertTrue(section.bodyHtml().contains("desk&lt;01&gt;"), "values are escaped");
        assertTrue(section.bodyHtml().contains("58 s"));
    }
}
