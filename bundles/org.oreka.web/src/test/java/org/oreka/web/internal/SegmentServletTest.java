package org.oreka.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.oreka.track.storage.Direction;
import org.oreka.track.storage.Segment;
import org.oreka.track.storage.SegmentSearch;
import org.oreka.track.storage.TagEntry;
import org.oreka.track.storage.Tags;
import org.oreka.track.storage.UserDirectory;
import org.oreka.track.storage.Visibility;
import org.oreka.web.OrkWeb;
import org.oreka.web.SegmentDetailSection;
import org.oreka.web.Viewer;

/** The recording detail page: the call, its tags escaped, and the sections other bundles provide, for viewers who may see it. */
class SegmentServletTest {

    private static final Segment CALL = new Segment(7, Instant.parse("2026-11-28T10:15:00Z"), 42, "5001", "<b>555</b>",
            Direction.IN, 3L, "20261128_101500_ABCD", "2026/11/28/10/20261128_101500_ABCD.wav", "orkaudio", 0);

    private final Map<String, String> parameters = new HashMap<>();
    private final StringBuilder page = new StringBuilder();
    private int status;
    private Visibility visibility = new Visibility(false, Set.of(3L));

    private SegmentServlet servlet() {
        OrkWeb web = fake(OrkWeb.class, (name, args) -> switch (name) {
            case "viewer" -> new Viewer("5001", 3, false, "Ann Lee");
            case "csrfField" -> "<input type=\"hidden\" name=\"csrf\" value=\"t\">";
            case "render" -> {
                status = (Integer) args[2];
                page.append(args[3]).append('\n').append(args[4]);
                yield null;
            }
            default -> null;
        });
        SegmentSearch search = fake(SegmentSearch.class, (name, args) -> name.equals("byId")
                ? Optional.ofNullable((Long) args[0] == CALL.id() ? CALL : null) : null);
        UserDirectory users = fake(UserDirectory.class, (name, args) -> switch (name) {
            case "visibility" -> visibility;
            case "byId" -> Optional.empty();
            default -> null;
        });
        Tags tags = fake(Tags.class, (name, args) -> name.equals("tagsOf") ? List.of(new TagEntry("Note", "<script>x</script>", null)) : null);
        return new SegmentServlet(web, search, users, tags);
    }

    private void get() throws Exception {
        get(servlet());
    }

    private void get(SegmentServlet servlet) throws Exception {
        HttpServletRequest request = fake(HttpServletRequest.class, (name, args) -> switch (name) {
            case "getParameter" -> parameters.get((String) args[0]);
            case "getContextPath" -> "/orkweb";
            default -> null;
        });
        servlet.doGet(request, fake(HttpServletResponse.class, (name, args) -> null));
    }

    @Test
    void theCallItsEscapedTagsAndTheOtherBundlesSectionsAreShown() throws Exception {
        parameters.put("id", "7");
        SegmentServlet servlet = servlet();
        servlet.bindSection(section(20, "Notes", null));
        servlet.bindSection(section(10, "Screen <recording>", "<video src=\"/x\"></video>"));
        get(servlet);
        String html = page.toString();
        assertEquals(200, status);
        assertTrue(html.startsWith("Recording 20261128_101500_ABCD"));
        assertTrue(html.contains("<dd id=\"field-remote\">&lt;b&gt;555&lt;/b&gt;</dd>"), html);
        assertTrue(html.contains("&lt;script&gt;x&lt;/script&gt;") && !html.contains("<script>"));
        assertTrue(html.contains("src=\"/orkweb/stream/2026/11/28/10/20261128_101500_ABCD.wav\""));
        assertTrue(html.contains("<section class=\"extra\"><h2>Screen &lt;recording&gt;</h2><video src=\"/x\"></video></section>"),
                "a section's title is escaped, its body is the provider's HTML");
        assertFalse(html.contains("Notes"), "a section with nothing to show is left out");
    }

    @Test
    void aRecordingTheViewerMayNotSeeIsNotFound() throws Exception {
        visibility = new Visibility(false, Set.of(4L));
        parameters.put("id", "7");
        get();
        assertEquals(404, status);
        assertFalse(page.toString().contains("5001"));
    }

    @Test
    void aBadIdIsNotFoundRatherThanAnError() throws Exception {
        parameters.put("id", "7 OR 1=1");
        get();
        assertEquals(404, status);
    }

    private static SegmentDetailSection section(int order, String title, String body) {
        return new SegmentDetailSection() {
            @Override
            public int order() {
                return order;
            }

            @Override
            public Optional<Section> render(Segment segment, Viewer viewer) {
                return body == null ? Optional.empty() : Optional.of(new Section(title, body));
            }
        };
    }

    /** A fake of an interface: each call answered by name. */
    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> type, java.util.function.BiFunction<String, Object[], Object> answer) {
        return (T) Proxy.newProxyInstance(SegmentServletTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.apply(method.getName(), args == null ? new Object[0] : args));
    }
}
