package org.oreka.web.internal;

import static org.oreka.web.Html.escape;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.oreka.track.ondemand.RecorderRelay;
import org.oreka.track.storage.LiveCall;
import org.oreka.track.storage.LiveCalls;
import org.oreka.track.storage.TrackException;
import org.oreka.track.storage.UserDirectory;
import org.oreka.web.OrkWeb;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /orkweb/listen?orkuid=}: a page playing a live call, and {@code /orkweb/listen/audio?orkuid=}: the call's
 * live audio from its recorder (8 kHz 16-bit PCM) behind a WAV header of unbounded length, which browsers play as
 * it arrives.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({ListenServlet.PATH, ListenServlet.AUDIO_PATH})
@HttpWhiteboardServletName("orkweb-listen")
@HttpWhiteboardContextSelect(OrkWeb.CONTEXT_SELECT)
public class ListenServlet extends HttpServlet {

    static final String PATH = "/listen";
    static final String AUDIO_PATH = "/listen/audio";

    private static final long serialVersionUID = 1L;

    private final transient OrkWeb web;
    private final transient LiveCalls liveCalls;
    private final transient RecorderRelay relay;
    private final transient UserDirectory users;

    @Activate
    public ListenServlet(@Reference OrkWeb web, @Reference LiveCalls liveCalls, @Reference RecorderRelay relay,
            @Reference UserDirectory users) {
        this.web = web;
        this.liveCalls = liveCalls;
        this.relay = relay;
        this.users = users;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String orkuid = req.getParameter("orkuid");
        Optional<LiveCall> call = orkuid == null ? Optional.empty() : liveCalls.byOrkuid(orkuid.trim());
        if (call.isEmpty() || !LiveCallVisibility.visible(users, call.get(), users.visibility(web.viewer(req).userId()), new HashMap<>())) {
            web.render(req, resp, HttpServletResponse.SC_NOT_FOUND, "Listen", "<p class=\"error\">That call is not live.</p>");
            return;
        }
        if (OrkWebContext.pathInContext(req).equals(AUDIO_PATH)) {
            stream(resp, call.get());
            return;
        }
        String audio = req.getContextPath() + AUDIO_PATH + "?orkuid=" + URLEncoder.encode(call.get().orkuid(), StandardCharsets.UTF_8);
        web.render(req, resp, "Listen to " + call.get().localParty(), "<p>" + escape(call.get().localParty()) + " with "
                + escape(call.get().remoteParty()) + "</p><audio id=\"listen\" controls autoplay src=\"" + escape(audio) + "\"></audio>");
    }

    private void stream(HttpServletResponse resp, LiveCall call) throws IOException {
        RecorderRelay.LiveAudio audio;
        try {
            audio = relay.listen(call.orkuid(), null, false, true);
        } catch (TrackException e) {
            resp.sendError(HttpServletResponse.SC_BAD_GATEWAY, "No live audio for this call: " + e.getMessage());
            return;
        }
        resp.setContentType("audio/wav");
        resp.setHeader("Cache-Control", "no-store");
        try (audio; InputStream in = audio.body()) {
            OutputStream out = resp.getOutputStream();
            byte[] buffer = new byte[1600];
            for (int n; (n = in.read(buffer)) >= 0;) {
                out.write(buffer, 0, n);
                out.flush();
            }
        }
    }
}
