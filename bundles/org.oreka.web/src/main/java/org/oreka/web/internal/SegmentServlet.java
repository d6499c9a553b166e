package org.oreka.web.internal;

import static org.oreka.web.Html.escape;

import java.io.IOException;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.oreka.track.storage.Segment;
import org.oreka.track.storage.SegmentQuery;
import org.oreka.track.storage.SegmentSearch;
import org.oreka.track.storage.TagEntry;
import org.oreka.track.storage.Tags;
import org.oreka.track.storage.TrackException;
import org.oreka.track.storage.UserDirectory;
import org.oreka.track.storage.Visibility;
import org.oreka.web.OrkWeb;
import org.oreka.web.SegmentDetailSection;
import org.oreka.web.Viewer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /orkweb/segment}: one recording's detail (Oreka's SegmentDetail page) by segment {@code id}, by
 * {@code orkuid}, or as the most recent recording of a {@code localparty} carrying the tag
 * {@code tagtype}/{@code tagtext}: the call's fields, playback, its tags (a form adds one), and the sections other
 * bundles provide ({@link SegmentDetailSection}, such as screen recordings).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(SegmentServlet.PATH)
@HttpWhiteboardServletName("orkweb-segment")
@HttpWhiteboardContextSelect(OrkWeb.CONTEXT_SELECT)
public class SegmentServlet extends HttpServlet {

    static final String PATH = "/segment";

    private static final long serialVersionUID = 1L;
    /** How many of a party's most recent recordings with the tag are checked for an exact match. */
    private static final int TAG_CANDIDATES = 50;

    private final transient OrkWeb web;
    private final transient SegmentSearch search;
    private final transient UserDirectory users;
    private final transient Tags tags;
    private final transient List<SegmentDetailSection> sections = new CopyOnWriteArrayList<>();

    @Activate
    public SegmentServlet(@Reference OrkWeb web, @Reference SegmentSearch search, @Reference UserDirectory users,
            @Reference Tags tags) {
        this.web = web;
        this.search = search;
        this.users = users;
        this.tags = tags;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindSection(SegmentDetailSection section) {
        sections.add(section);
    }

    void unbindSection(SegmentDetailSection section) {
        sections.remove(section);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        show(req, resp, HttpServletResponse.SC_OK, null);
    }

    /** Adds a tag to the recording (any viewer who may see it may tag it). */
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Viewer viewer = web.viewer(req);
        Optional<Segment> segment = find(req, users.visibility(viewer.userId()));
        if (segment.isEmpty()) {
            notFound(req, resp);
            return;
        }
        try {
            String type = req.getParameter("tagtype");
            String text = req.getParameter("tagtext");
            tags.tagRecording(segment.get().orkuid(), List.of(new TagEntry(type == null ? "" : type.trim(), text, null)));
            resp.sendRedirect(req.getContextPath() + PATH + "?id=" + segment.get().id());
        } catch (TrackException e) {
            show(req, resp, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        }
    }

    private void show(HttpServletRequest req, HttpServletResponse resp, int status, String error) throws IOException {
        Viewer viewer = web.viewer(req);
        Optional<Segment> found = find(req, users.visibility(viewer.userId()));
        if (found.isEmpty()) {
            notFound(req, resp);
            return;
        }
        Segment s = found.get();
        ZoneId zone = ZoneId.systemDefault();
        String user = s.userId() == null ? "" : users.byId(s.userId())
                .map(u -> (u.firstname() + " " + u.lastname()).trim()).orElse("");
        StringBuilder body = new StringBuilder(4096);
        body.append("<dl class=\"fields\" id=\"segment\">")
                .append(field("Time", RecordingsServlet.SHOWN_TIME.format(s.timestamp().atZone(zone)), "time"))
                .append(field("Duration", RecordingsServlet.duration(s.durationSeconds()), "duration"))
                .append(field("Local party", s.localParty(), "local"))
                .append(field("Remote party", s.remoteParty(), "remote"))
                .append(field("Direction", RecordingsServlet.direction(s.direction()), "direction"))
                .append(field("User", user, "user"))
                .append(field("Recording id", s.orkuid(), "orkuid"))
                .append(field("Recorder", s.recorder(), "recorder"))
                .append(field("File", s.filename(), "filename"))
                .append("</dl><p class=\"play\">").append(RecordingsServlet.player(req.getContextPath(), s)).append("</p>")
                .append("<h2>Tags</h2>");
        List<TagEntry> entries = tags.tagsOf(s.orkuid());
        if (entries.isEmpty()) {
            body.append("<p id=\"notags\">No tags.</p>");
        } else {
            body.append("<table class=\"tags\" id=\"tags\"><thead><tr><th>Type</th><th>Text</th><th>At</th></tr></thead><tbody>");
            for (TagEntry tag : entries) {
                body.append("<tr><td class=\"tagtype\">").append(escape(tag.type())).append("</td><td class=\"tagtext\">")
                        .append(escape(tag.text())).append("</td><td>")
                        .append(tag.offsetMillis() == null ? "" : escape(RecordingsServlet.duration(tag.offsetMillis() / 1000)))
                        .append("</td></tr>");
            }
            body.append("</tbody></table>");
        }
        if (error != null) {
            body.append("<p class=\"error\" role=\"alert\">").append(escape(error)).append("</p>");
        }
        body.append("<form method=\"post\" class=\"addtag\" action=\"").append(escape(req.getContextPath() + PATH + "?id=" + s.id()))
                .append("\">").append(web.csrfField(req))
                .append("<label>Tag type <input name=\"tagtype\" id=\"tagtype\" required maxlength=\"255\"></label>")
                .append("<label>Text <input name=\"tagtext\" id=\"tagtext\" maxlength=\"4000\"></label>")
                .append("<button type=\"submit\" id=\"addtag\">Add tag</button></form>");
        sections.stream().sorted(Comparator.comparingInt(SegmentDetailSection::order)).forEach(section ->
                section.render(s, viewer).ifPresent(rendered -> body.append("<section class=\"extra\"><h2>")
                        .append(escape(rendered.title())).append("</h2>").append(rendered.bodyHtml()).append("</section>")));
        web.render(req, resp, status, "Recording " + s.orkuid(), body.toString());
    }

    private void notFound(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        web.render(req, resp, HttpServletResponse.SC_NOT_FOUND, "Recording",
                "<p class=\"error\" id=\"notfound\">No recording you may see matches.</p>");
    }

    /** The segment the request names, if the viewer may see it. */
    private Optional<Segment> find(HttpServletRequest req, Visibility visibility) {
        String id = req.getParameter("id");
        String orkuid = req.getParameter("orkuid");
        String localParty = req.getParameter("localparty");
        Optional<Segment> found;
        if (id != null) {
            found = id.trim().matches("\\d{1,18}") ? search.byId(Long.parseLong(id.trim())) : Optional.empty();
        } else if (orkuid != null) {
            found = search.search(new SegmentQuery(null, null, null, null, null, null, null, null, orkuid.trim(), null, 0, 1,
                    null, null, null, visibility)).segments().stream().findFirst();
        } else if (localParty != null && req.getParameter("tagtype") != null) {
            found = latestTagged(localParty.trim(), req.getParameter("tagtype").trim(),
                    req.getParameter("tagtext") == null ? "" : req.getParameter("tagtext"), visibility);
        } else {
            found = Optional.empty();
        }
        return found.filter(s -> visibility.sees(s.userId()));
    }

    /** The most recent segment of exactly that local party whose recording has exactly that tag. */
    private Optional<Segment> latestTagged(String localParty, String tagType, String tagText, Visibility visibility) {
        List<Segment> candidates = search.search(new SegmentQuery(null, null, localParty, null, null, null, null, null, null,
                SegmentQuery.Sort.NEWEST_FIRST, 0, TAG_CANDIDATES, null, tagType, tagText, visibility)).segments();
        return candidates.stream().filter(s -> localParty.equals(s.localParty()))
                .filter(s -> tags.tagsOf(s.orkuid()).stream()
                        .anyMatch(t -> t.type().equalsIgnoreCase(tagType) && t.text().equals(tagText)))
                .findFirst();
    }

    private static String field(String label, String value, String id) {
        return "<dt>" + escape(label) + "</dt><dd id=\"field-" + id + "\">" + escape(value) + "</dd>";
    }
}
