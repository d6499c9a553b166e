package org.oreka.web.internal;

import static org.oreka.web.Html.escape;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.oreka.track.storage.Direction;
import org.oreka.track.storage.Group;
import org.oreka.track.storage.Segment;
import org.oreka.track.storage.SegmentSearch;
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
 * {@code /orkweb/recordings}: the recordings search (Oreka's "Calls" page): criteria, sortable columns, paging
 * without counting, and each row playable in place and downloadable.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(RecordingsServlet.PATH)
@HttpWhiteboardServletName("orkweb-recordings")
@HttpWhiteboardContextSelect(OrkWeb.CONTEXT_SELECT)
public class RecordingsServlet extends HttpServlet {

    static final String PATH = "/recordings";

    private static final long serialVersionUID = 1L;
    static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** The columns a click sorts by: parameter value, heading. */
    private static final List<String[]> COLUMNS = List.of(new String[] {"time", "Time"},
            new String[] {"duration", "Duration"}, new String[] {"local", "Local party"},
            new String[] {"direction", "Direction"}, new String[] {"remote", "Remote party"});

    private final transient OrkWeb web;
    private final transient SegmentSearch search;
    private final transient UserDirectory users;

    @Activate
    public RecordingsServlet(@Reference OrkWeb web, @Reference SegmentSearch search, @Reference UserDirectory users) {
        this.web = web;
        this.search = search;
        this.users = users;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Viewer viewer = web.viewer(req);
        ZoneId zone = ZoneId.systemDefault();
        SearchForm form = SearchForm.read(req::getParameter, Instant.now(), zone);
        Visibility visibility = users.visibility(viewer.userId());
        StringBuilder body = new StringBuilder(16384);
        if (!"false".equals(req.getParameter("filterby"))) {
            form(body, req, form, visibility, viewer);
        }
        if (!form.errors.isEmpty()) {
            body.append("<ul class=\"error\" role=\"alert\">");
            form.errors.forEach(e -> body.append("<li>").append(escape(e)).append("</li>"));
            body.append("</ul>");
            web.render(req, resp, HttpServletResponse.SC_BAD_REQUEST, "Recordings", body.toString());
            return;
        }
        SegmentSearch.Page page = search.search(form.query(visibility));
        results(body, req, form, page, zone);
        web.render(req, resp, "Recordings", body.toString());
    }

    private void form(StringBuilder body, HttpServletRequest req, SearchForm form, Visibility visibility, Viewer viewer) {
        Map<String, String> v = form.values;
        body.append("<form method=\"get\" class=\"search\" id=\"search\" action=\"").append(escape(req.getContextPath() + PATH)).append("\">")
                .append(input("from", "From", "datetime-local", v))
                .append(input("to", "To", "datetime-local", v))
                .append(input("local", "Local party", "text", v))
                .append(input("remote", "Remote party", "text", v))
                .append(input("min", "Min duration (s)", "number", v))
                .append(input("max", "Max duration (s)", "number", v))
                .append("<label>Direction <select name=\"direction\" id=\"direction\">")
                .append(option("all", "Both", v.getOrDefault("direction", "all")))
                .append(option("in", "In", v.getOrDefault("direction", "all")))
                .append(option("out", "Out", v.getOrDefault("direction", "all")))
                .append("</select></label>")
                .append("<label>User <select name=\"user\" id=\"user\"><option value=\"\">Any</option>");
        for (User user : users.users()) {
            if (visibility.sees(user.id())) {
                String name = (user.firstname() + " " + user.lastname()).trim();
                body.append(option(Long.toString(user.id()), (name.isEmpty() ? "" : name + " ")
                        + user.loginStrings().stream().findFirst().map(l -> "(" + l + ")").orElse(""), v.getOrDefault("user", "")));
            }
        }
        body.append("</select></label><label>Group <select name=\"group\" id=\"group\"><option value=\"\">Any</option>");
        for (Group group : users.groups()) {
            if (!group.security()) {
                body.append(option(Long.toString(group.id()), group.name(), v.getOrDefault("group", "")));
            }
        }
        body.append("</select></label>")
                .append(input("tagtype", "Tag type", "text", v))
                .append(input("tagtext", "Tag text", "text", v))
                .append(input("orkuid", "Recording id", "text", v))
                .append("<label>Per page <select name=\"size\" id=\"size\">");
        for (String size : List.of("25", "50", "100", "200")) {
            body.append(option(size, size, v.getOrDefault("size", Integer.toString(SearchForm.PAGE_SIZE))));
        }
        body.append("</select></label>")
                .append("<input type=\"hidden\" name=\"sort\" value=\"").append(escape(form.sort)).append("\">")
                .append("<button type=\"submit\" id=\"searchbutton\">Search</button></form>");
    }

    private static String input(String name, String label, String type, Map<String, String> values) {
        String value = values.getOrDefault(name, "");
        if (type.equals("datetime-local") && value.matches("\\d{8}_\\d{6}")) {
            value = value.substring(0, 4) + "-" + value.substring(4, 6) + "-" + value.substring(6, 8) + "T"
                    + value.substring(9, 11) + ":" + value.substring(11, 13);
        }
        return "<label>" + escape(label) + " <input type=\"" + type + "\" name=\"" + name + "\" id=\"" + name
                + "\" value=\"" + escape(value) + "\"" + (type.equals("number") ? " min=\"0\"" : "") + "></label>";
    }

    static String option(String value, String label, String selected) {
        return "<option value=\"" + escape(value) + "\"" + (value.equals(selected) ? " selected" : "") + ">"
                + escape(label) + "</option>";
    }

    private static void results(StringBuilder body, HttpServletRequest req, SearchForm form, SegmentSearch.Page page,
            ZoneId zone) {
        String self = req.getContextPath() + PATH + "?";
        List<Segment> segments = page.segments();
        int first = (form.page - 1) * form.size + 1;
        body.append("<p class=\"count\" id=\"count\">").append(segments.isEmpty() ? "No recordings"
                : "Recordings " + first + " to " + (first + segments.size() - 1) + (page.more() ? " (more follow)" : ""))
                .append("</p><table class=\"results\" id=\"results\"><thead><tr>");
        for (String[] column : COLUMNS) {
            String key = column[0];
            String current = form.sort;
            String next = current.equals("-" + key) ? key : "-" + key;
            String mark = current.equals(key) ? " \u25b2" : current.equals("-" + key) ? " \u25bc" : "";
            body.append("<th><a class=\"sort\" id=\"sort-").append(key).append("\" href=\"")
                    .append(escape(self + form.queryString(Map.of("sort", next, "page", "1")))).append("\">")
                    .append(escape(column[1])).append(mark).append("</a></th>");
        }
        body.append("<th>Recording</th><th>Play</th></tr></thead><tbody>");
        for (Segment s : segments) {
            body.append("<tr class=\"segment\" data-orkuid=\"").append(escape(s.orkuid())).append("\"><td class=\"time\">")
                    .append(escape(SHOWN_TIME.format(s.timestamp().atZone(zone)))).append("</td><td class=\"duration\">")
                    .append(escape(duration(s.durationSeconds()))).append("</td><td class=\"local\">")
                    .append(escape(s.localParty())).append("</td><td class=\"direction\">")
                    .append(escape(direction(s.direction()))).append("</td><td class=\"remote\">")
                    .append(escape(s.remoteParty())).append("</td><td><a class=\"detail\" href=\"")
                    .append(escape(req.getContextPath() + SegmentServlet.PATH + "?id=" + s.id())).append("\">")
                    .append(escape(s.orkuid())).append("</a></td><td class=\"play\">")
                    .append(player(req.getContextPath(), s)).append("</td></tr>");
        }
        body.append("</tbody></table><nav class=\"paging\">");
        if (form.page > 1) {
            body.append("<a id=\"firstpage\" href=\"").append(escape(self + form.queryString(Map.of("page", "1"))))
                    .append("\">&lt;&lt; First</a> <a id=\"previouspage\" href=\"")
                    .append(escape(self + form.queryString(Map.of("page", Integer.toString(form.page - 1)))))
                    .append("\">&lt; Previous</a> ");
        }
        body.append("<span class=\"page\">Page ").append(form.page).append("</span>");
        if (page.more()) {
            body.append(" <a id=\"nextpage\" href=\"")
                    .append(escape(self + form.queryString(Map.of("page", Integer.toString(form.page + 1)))))
                    .append("\">Next &gt;</a>");
        }
        body.append("</nav>");
    }

    /** An in-place player and a download link for a segment whose recording has a file. */
    static String player(String contextPath, Segment s) {
        if (s.filename() == null || s.filename().isEmpty()) {
            return "<span class=\"pending\">not ready</span>";
        }
        String url = contextPath + StreamServlet.PATH_PREFIX + "/" + pathOf(s.filename());
        return "<audio controls preload=\"none\" src=\"" + escape(url) + "\"></audio> <a class=\"download\" href=\""
                + escape(url + "?download=true") + "\" download>Download</a>";
    }

    /** A relative file name as a URL path, each folder and name encoded. */
    static String pathOf(String filename) {
        StringBuilder path = new StringBuilder();
        for (String part : filename.replace('\\', '/').split("/")) {
            if (!part.isEmpty()) {
                path.append(path.length() == 0 ? "" : "/").append(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"));
            }
        }
        return path.toString();
    }

    static String duration(long seconds) {
        return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    static String direction(Direction direction) {
        return switch (direction) {
            case IN -> "In";
            case OUT -> "Out";
            default -> "Unknown";
        };
    }
}
