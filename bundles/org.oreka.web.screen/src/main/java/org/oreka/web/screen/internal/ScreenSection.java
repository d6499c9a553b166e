package org.oreka.web.screen.internal;

import static org.oreka.web.Html.escape;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.oreka.track.storage.ScreenRecording;
import org.oreka.track.storage.ScreenRecordings;
import org.oreka.track.storage.Segment;
import org.oreka.web.OrkWeb;
import org.oreka.web.SegmentDetailSection;
import org.oreka.web.Viewer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Screen section of the recording detail page: a player for each screen recording OrkRfb made of the call,
 * with when it began and how long it ran (a recording still in progress is listed without a player).
 */
@Component(service = SegmentDetailSection.class)
public class ScreenSection implements SegmentDetailSection {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final ScreenRecordings screens;

    @Activate
    public ScreenSection(@Reference ScreenRecordings screens) {
        this.screens = screens;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Section> render(Segment segment, Viewer viewer) {
        List<ScreenRecording> recordings = screens.ofCall(segment.orkuid());
        if (recordings.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder body = new StringBuilder("<ul class=\"screens\">");
        for (ScreenRecording r : recordings) {
            body.append("<li><p>").append(escape(TIME.format(r.start()))).append(", ").append(r.durationSeconds())
                    .append(" s, ").append(escape(r.hostname())).append("</p>");
            if ("READY".equals(r.state())) {
                body.append("<video class=\"screen\" controls preload=\"metadata\" src=\"")
                        .append(escape(videoPath(segment.id(), r.recid()))).append("\"></video>");
            } else {
                body.append("<p>Still being recorded.</p>");
            }
            body.append("</li>");
        }
        return Optional.of(new Section("Screen", body.append("</ul>").toString()));
    }

    /** The URL of a screen recording's video, reached through the segment the viewer is looking at. */
    static String videoPath(long segmentId, String recid) {
        return OrkWeb.CONTEXT_PATH + ScreenVideoServlet.PATH_PREFIX + "/" + segmentId + "/"
                + URLEncoder.encode(recid, StandardCharsets.UTF_8);
    }
}
