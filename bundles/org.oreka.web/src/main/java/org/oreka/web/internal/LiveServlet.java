package org.oreka.web.internal;

import static org.oreka.web.Html.escape;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.oreka.track.ondemand.RecorderRelay;
import org.oreka.track.storage.LiveCall;
import org.oreka.track.storage.LiveCalls;
import org.oreka.track.storage.LiveDecision;
import org.oreka.track.storage.LiveMonitoring;
import org.oreka.track.storage.TrackException;
import org.oreka.track.storage.User;
import org.oreka.track.storage.UserDirectory;
import org.oreka.track.storage.Visibility;
import org.oreka.web.OrkWeb;
import org.oreka.web.Viewer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /orkweb/live}: the calls being recorded now that the viewer may see (all, or one {@code localparty}),
 * refreshed every few seconds by the page's script; Keep / Discard / Neither on each (as {@code cmd=keep},
 * {@code discard}, {@code neither}), with {@code ondemand=true} Record / Pause / Resume / Stop relayed to the
 * recorder holding the call, and Listen to its live audio.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(LiveServlet.PATH)
@HttpWhiteboardServletName("orkweb-live")
@HttpWhiteboardContextSelect(OrkWeb.CONTEXT_SELECT)
public class LiveServlet extends HttpServlet {

    static final String PATH = "/live";

    private static final long serialVersionUID = 1L;
    private static final String FLASH = "org.oreka.web.live.flash";
    private static final Map<String, LiveDecision> DECISIONS = Map.of("keep", LiveDecision.KEEP, "discard",
            LiveDecision.DROP, "neither", LiveDecision.NEITHER);

    private final transient OrkWeb web;
    private final transient LiveCalls liveCalls;
    private final transient LiveMonitoring monitoring;
    private final transient RecorderRelay relay;
    private final transient UserDirectory users;

    @Activate
    public LiveServlet(@Reference OrkWeb web, @Reference LiveCalls liveCalls, @Reference LiveMonitoring monitoring,
            @Reference RecorderRelay relay, @Reference UserDirectory users) {
        this.web = web;
        this.liveCalls = liveCalls;
        this.monitoring = monitoring;
        this.relay = relay;
        this.users = users;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Viewer viewer = web.viewer(req);
        String localParty = blankToNull(req.getParameter("localparty"));
        boolean onDemand = "true".equalsIgnoreCase(req.getParameter("ondemand"));
        String rows = rows(req, viewer, localParty, onDemand);
        if ("rows".equals(req.getParameter("fragment"))) {
            resp.setContentType("text/html;charset=UTF-8");
            resp.getWriter().write(rows);
            return;
        }
        StringBuilder body = new StringBuilder(8192);
        Object flash = req.getSession().getAttribute(FLASH);
        if (flash instanceof String message) {
            req.getSession().removeAttribute(FLASH);
            body.append("<p class=\"flash\" id=\"flash\" role=\"status\">").append(escape(message)).append("</p>");
        }
        body.append("<form method=\"get\" class=\"search\" action=\"").append(escape(req.getContextPath() + PATH)).append("\">")
                .append("<label>Local party <input name=\"localparty\" id=\"localparty\" value=\"").append(escape(localParty))
                .append("\"></label><label><input type=\"checkbox\" name=\"ondemand\" value=\"true\" id=\"ondemand\"")
                .append(onDemand ? " checked" : "").append("> On-demand controls</label>")
                .append("<button type=\"submit\">Show</button></form>")
                .append("<table class=\"results live\" id=\"livecalls\" data-refresh=\"")
                .append(escape(req.getContextPath() + PATH + "?" + query(localParty, onDemand) + "&fragment=rows"))
                .append("\"><thead><tr><th>Started</th><th>Elapsed</th><th>Local party</th><th>Direction</th>")
                .append("<th>Remote party</th><th>Recorder</th><th>State</th><th>Decision</th><th>Actions</th></tr></thead>")
                .append("<tbody>").append(rows).append("</tbody></table>");
        web.render(req, resp, "Live monitoring", body.toString());
    }

    /** Keep / Discard / Neither, or an on-demand control, on one live call; then back to the page. */
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Viewer viewer = web.viewer(req);
        String action = String.valueOf(req.getParameter("action")).toLowerCase(Locale.ROOT);
        String orkuid = blankToNull(req.getParameter("orkuid"));
        Optional<LiveCall> call = orkuid == null ? Optional.empty() : liveCalls.byOrkuid(orkuid);
        String message;
        if (call.isEmpty() || !LiveCallVisibility.visible(users, call.get(), users.visibility(viewer.userId()), new HashMap<>())) {
            message = "That call is no longer live";
        } else {
            message = act(action, call.get(), req.getParameter("elapsed"));
        }
        req.getSession().setAttribute(FLASH, message);
        String back = blankToNull(req.getParameter("back"));
        resp.sendRedirect(req.getContextPath() + PATH + "?" + query(back, "true".equals(req.getParameter("ondemand"))));
    }

    private String act(String action, LiveCall call, String elapsedText) {
        try {
            if (DECISIONS.containsKey(action)) {
                Optional<User> user = users.byLoginString(call.localParty());
                if (user.isEmpty()) {
                    return "No user has the login string " + call.localParty() + "; keep and discard apply to users' calls";
                }
                Long elapsed = elapsedText == null || !elapsedText.matches("\\d{1,9}") ? null : Long.valueOf(elapsedText);
                String decided = monitoring.decide(user.get().id(), DECISIONS.get(action), elapsed);
                return capitalized(action) + ": " + (decided == null ? "applies to the next call of " + call.localParty()
                        : "recording " + decided);
            }
            RecorderRelay.Control control = switch (action) {
                case "record" -> RecorderRelay.Control.RECORD;
                case "pause" -> RecorderRelay.Control.PAUSE;
                case "resume" -> RecorderRelay.Control.RESUME;
                case "stop" -> RecorderRelay.Control.STOP;
                default -> null;
            };
            if (control == null) {
                return "Unknown action '" + action + "'";
            }
            RecorderRelay.Result result = relay.control(control, call.orkuid(), null, null);
            return capitalized(action) + (result.success() ? ": done by " + result.recorder() + " (" + result.comment() + ")"
                    : " failed: " + result.comment());
        } catch (TrackException e) {
            return capitalized(action) + " failed: " + e.getMessage();
        }
    }

    private String rows(HttpServletRequest req, Viewer viewer, String localParty, boolean onDemand) {
        Visibility visibility = users.visibility(viewer.userId());
        Map<String, Optional<User>> usersByParty = new HashMap<>();
        ZoneId zone = ZoneId.systemDefault();
        Instant now = Instant.now();
        List<LiveCall> calls = localParty == null ? liveCalls.all() : liveCalls.all().stream()
                .filter(c -> localParty.equals(c.localParty())).toList();
        StringBuilder rows = new StringBuilder();
        String csrf = web.csrfField(req);
        String action = escape(req.getContextPath() + PATH);
        for (LiveCall call : calls) {
            if (!LiveCallVisibility.visible(users, call, visibility, usersByParty)) {
                continue;
            }
            long elapsed = Math.max(0, Duration.between(call.started(), now).getSeconds());
            String state = call.paused() ? "Paused" : call.onHold() ? "On hold" : "Recording";
            rows.append("<tr class=\"livecall\" data-orkuid=\"").append(escape(call.orkuid())).append("\"><td>")
                    .append(escape(RecordingsServlet.SHOWN_TIME.format(call.started().atZone(zone)))).append("</td><td>")
                    .append(escape(RecordingsServlet.duration(elapsed))).append("</td><td class=\"local\">")
                    .append(escape(call.localParty())).append("</td><td>")
                    .append(escape(RecordingsServlet.direction(call.direction()))).append("</td><td class=\"remote\">")
                    .append(escape(call.remoteParty())).append("</td><td>").append(escape(call.recorder()))
                    .append("</td><td class=\"state\">").append(state).append("</td><td class=\"decision\">")
                    .append(escape(call.decision())).append("</td><td class=\"actions\"><form method=\"post\" action=\"")
                    .append(action).append("\">").append(csrf)
                    .append("<input type=\"hidden\" name=\"orkuid\" value=\"").append(escape(call.orkuid())).append("\">")
                    .append("<input type=\"hidden\" name=\"elapsed\" value=\"").append(elapsed).append("\">")
                    .append("<input type=\"hidden\" name=\"back\" value=\"").append(escape(localParty)).append("\">")
                    .append("<input type=\"hidden\" name=\"ondemand\" value=\"").append(onDemand).append("\">")
                    .append(button("keep", "Keep")).append(button("discard", "Discard")).append(button("neither", "Neither"));
            if (onDemand) {
                rows.append(button("record", "Record")).append(button("pause", "Pause"))
                        .append(button("resume", "Resume")).append(button("stop", "Stop"));
            }
            rows.append("</form><a class=\"listen\" href=\"")
                    .append(escape(req.getContextPath() + ListenServlet.PATH + "?orkuid="
                            + URLEncoder.encode(call.orkuid(), StandardCharsets.UTF_8)))
                    .append("\">Listen</a></td></tr>");
        }
        if (rows.length() == 0) {
            rows.append("<tr class=\"none\"><td colspan=\"9\">No live calls").append(localParty == null ? "" : " for " + escape(localParty))
                    .append(".</td></tr>");
        }
        return rows.toString();
    }

    private static String button(String action, String label) {
        return "<button type=\"submit\" name=\"action\" value=\"" + action + "\" class=\"" + action + "\">" + label + "</button>";
    }

    private static String query(String localParty, boolean onDemand) {
        return (localParty == null ? "" : "localparty=" + URLEncoder.encode(localParty, StandardCharsets.UTF_8) + "&")
                + "ondemand=" + onDemand;
    }

    private static String capitalized(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
