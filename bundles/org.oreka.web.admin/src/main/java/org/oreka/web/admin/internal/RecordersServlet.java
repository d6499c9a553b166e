package org.oreka.web.admin.internal;

import static org.oreka.web.Html.escape;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.servlet.Servlet;

import org.oreka.track.storage.Recorder;
import org.oreka.track.storage.Recorders;
import org.oreka.web.OrkWeb;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** {@code /orkweb/admin/recorders}: the recorders reporting to this OrkTrack, as their init messages described them. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(RecordersServlet.PATH)
@HttpWhiteboardServletName("orkweb-admin-recorders")
@HttpWhiteboardContextSelect(OrkWeb.CONTEXT_SELECT)
public class RecordersServlet extends AdminServlet {

    static final String PATH = "/admin/recorders";

    /** Times as the server's clock shows them. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private static final long serialVersionUID = 1L;

    private final transient Recorders recorders;

    @Activate
    public RecordersServlet(@Reference OrkWeb web, @Reference Recorders recorders) {
        super(web);
        this.recorders = recorders;
    }

    @Override
    void list(AdminPage page, List<String> errors) throws IOException {
        List<Recorder> all = recorders.all();
        StringBuilder body = new StringBuilder("<table class=\"results\" id=\"recorders\"><thead><tr><th>Name</th><th>Host</th>"
                + "<th>Command port</th><th>Live audio port</th><th>Kind</th><th>Audio folder</th><th>Last seen</th></tr></thead><tbody>");
        for (Recorder r : all) {
            body.append("<tr><td>").append(escape(r.name())).append("</td><td>").append(escape(r.hostname())).append("</td><td>")
                    .append(r.tcpPort() == 0 ? "" : r.tcpPort()).append("</td><td>").append(r.streamingPort() == 0 ? "" : r.streamingPort())
                    .append("</td><td>").append(escape(r.serviceClass())).append("</td><td>").append(escape(r.absolutePath()))
                    .append("</td><td>").append(r.lastSeen() == null ? "" : escape(TIME.format(r.lastSeen()))).append("</td></tr>");
        }
        if (all.isEmpty()) {
            body.append("<tr><td colspan=\"7\">No recorder has reported yet</td></tr>");
        }
        body.append("</tbody></table><p>Recorders appear when they introduce themselves (their init message) and are ")
                .append("seen again with each of their messages.</p>");
        page.render("Recorders", errors, body.toString());
    }
}
