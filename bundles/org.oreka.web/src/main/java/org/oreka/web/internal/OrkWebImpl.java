package org.oreka.web.internal;

import static org.oreka.web.Html.escape;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.oreka.web.MenuEntry;
import org.oreka.web.OrkWeb;
import org.oreka.web.Viewer;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** The {@link OrkWeb} service: OrkWeb's page layout with the navigation menu made of {@link MenuEntry} services. */
@Component(service = OrkWeb.class)
public class OrkWebImpl implements OrkWeb {

    /** OrkWeb's own pages in the menu. */
    static final List<MenuEntry> OWN_ENTRIES = List.of(
            new Entry("Recordings", RecordingsServlet.PATH, false, 10),
            new Entry("Live monitoring", LiveServlet.PATH, false, 20),
            new Entry("Account", AccountServlet.PATH, false, 90));

    private final List<MenuEntry> entries = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindMenuEntry(MenuEntry entry) {
        entries.add(entry);
    }

    void unbindMenuEntry(MenuEntry entry) {
        entries.remove(entry);
    }

    @Override
    public Viewer viewer(HttpServletRequest request) {
        Object viewer = request.getAttribute(OrkWebContext.VIEWER);
        if (!(viewer instanceof Viewer v)) {
            throw new IllegalStateException("OrkWeb.viewer is for requests of the " + CONTEXT_NAME + " context");
        }
        return v;
    }

    @Override
    public String csrfToken(HttpServletRequest request) {
        return WebSession.csrfToken(request);
    }

    @Override
    public String csrfField(HttpServletRequest request) {
        return "<input type=\"hidden\" name=\"" + CSRF_PARAMETER + "\" value=\"" + escape(csrfToken(request)) + "\">";
    }

    @Override
    public void sendFile(HttpServletRequest request, HttpServletResponse response, Path file, String contentType)
            throws IOException {
        StreamServlet.send(request, response, file, contentType);
    }

    @Override
    public void render(HttpServletRequest request, HttpServletResponse response, String title, String bodyHtml)
            throws IOException {
        render(request, response, HttpServletResponse.SC_OK, title, bodyHtml);
    }

    @Override
    public void render(HttpServletRequest request, HttpServletResponse response, int status, String title, String bodyHtml)
            throws IOException {
        Object attribute = request.getAttribute(OrkWebContext.VIEWER);
        Viewer viewer = attribute instanceof Viewer v ? v : null;
        String context = request.getContextPath();
        StringBuilder page = new StringBuilder(4096 + bodyHtml.length());
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(title)).append(" - OrkWeb</title>")
                .append("<link rel=\"stylesheet\" href=\"").append(escape(context)).append("/static/orkweb.css\">")
                .append("<script src=\"").append(escape(context)).append("/static/orkweb.js\" defer></script>")
                .append("</head><body>");
        if (viewer != null && !WebSession.menuHidden(request)) {
            page.append("<header class=\"top\"><a class=\"brand\" href=\"").append(escape(context)).append(AppServlet.PATH)
                    .append("\">OrkWeb</a><nav><ul>");
            String here = OrkWebContext.pathInContext(request);
            for (MenuEntry entry : menu(viewer)) {
                page.append("<li><a href=\"").append(escape(context + entry.path())).append('"')
                        .append(here.equals(entry.path()) ? " class=\"current\" aria-current=\"page\"" : "").append('>')
                        .append(escape(entry.label())).append("</a></li>");
            }
            page.append("</ul></nav><div class=\"who\"><span class=\"viewer\">").append(escape(viewer.displayName()))
                    .append(" (").append(escape(viewer.loginString())).append(viewer.admin() ? ", administrator" : "")
                    .append(")</span><form method=\"post\" action=\"").append(escape(context)).append(LogoutServlet.PATH)
                    .append("\">").append(csrfField(request)).append("<button type=\"submit\" id=\"logout\">Log out</button></form></div></header>");
        }
        page.append("<main><h1>").append(escape(title)).append("</h1>").append(bodyHtml).append("</main></body></html>\n");
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(page.toString());
    }

    /** The menu entries the viewer sees, in order. */
    List<MenuEntry> menu(Viewer viewer) {
        return Stream.concat(OWN_ENTRIES.stream(), entries.stream())
                .filter(e -> viewer.admin() || !e.adminOnly())
                .sorted(Comparator.comparingInt(MenuEntry::order).thenComparing(MenuEntry::label))
                .toList();
    }

    /** A menu entry of OrkWeb's own. */
    record Entry(String label, String path, boolean adminOnly, int order) implements MenuEntry {
    }
}
