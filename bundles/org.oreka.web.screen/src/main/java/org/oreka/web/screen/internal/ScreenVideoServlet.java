package org.oreka.web.screen.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.oreka.rfb.ScreenFiles;
import org.oreka.track.storage.ScreenRecording;
import org.oreka.track.storage.ScreenRecordings;
import org.oreka.track.storage.Segment;
import org.oreka.track.storage.SegmentSearch;
import org.oreka.track.storage.UserDirectory;
import org.oreka.web.OrkWeb;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /orkweb/screen/<segment id>/<screen recid>}: the video of a screen recording of the segment's call, for a
 * viewer who may see that segment, from OrkRfb's folder only, with byte ranges so the player can seek.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(ScreenVideoServlet.PATH_PREFIX + "/*")
@HttpWhiteboardServletName("orkweb-screen")
@HttpWhiteboardContextSelect(OrkWeb.CONTEXT_SELECT)
public class ScreenVideoServlet extends HttpServlet {

    static final String PATH_PREFIX = "/screen";
    private static final long serialVersionUID = 1L;

    private final transient OrkWeb web;
    private final transient SegmentSearch search;
    private final transient UserDirectory users;
    private final transient ScreenRecordings screens;
    private final transient ScreenFiles files;

    @Activate
    public ScreenVideoServlet(@Reference OrkWeb web, @Reference SegmentSearch search, @Reference UserDirectory users,
            @Reference ScreenRecordings screens, @Reference ScreenFiles files) {
        this.web = web;
        this.search = search;
        this.users = users;
        this.screens = screens;
        this.files = files;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] parts = (req.getPathInfo() == null ? "" : req.getPathInfo()).replaceFirst("^/+", "").split("/", 2);
        Optional<Segment> segment = parts.length == 2 && parts[0].matches("[0-9]{1,18}")
                ? search.byId(Long.parseLong(parts[0])) : Optional.empty();
        if (segment.isEmpty()) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND, "No such recording");
            return;
        }
        if (!users.visibility(web.viewer(req).userId()).sees(segment.get().userId())) {
            resp.sendError(HttpServletResponse.SC_FORBIDDEN, "You may not see this recording");
            return;
        }
        Optional<Path> video = screens.ofCall(segment.get().orkuid()).stream()
                .filter(r -> r.recid().equals(parts[1]) && "READY".equals(r.state())).findFirst()
                .map(ScreenRecording::filename).flatMap(files::video);
        if (video.isEmpty()) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND, "That screen recording's video is not on this server");
            return;
        }
        web.sendFile(req, resp, video.get(), "video/webm");
    }
}
