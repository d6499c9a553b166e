package org.oreka.web.admin.internal;

import static org.oreka.web.Html.escape;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;

import org.oreka.track.storage.AgentLogin;
import org.oreka.track.storage.AgentTracking;
import org.oreka.track.storage.Workstation;
import org.oreka.web.OrkWeb;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /orkweb/admin/workstations}: the desktops whose screens can be recorded (an agent's {@code cmd=agentstate}
 * login must name one of them), and the agents logged in now.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(WorkstationsServlet.PATH)
@HttpWhiteboardServletName("orkweb-admin-workstations")
@HttpWhiteboardContextSelect(OrkWeb.CONTEXT_SELECT)
public class WorkstationsServlet extends AdminServlet {

    static final String PATH = "/admin/workstations";
    static final int DEFAULT_VNC_PORT = 5900;

    private static final long serialVersionUID = 1L;

    private final transient AgentTracking agents;

    @Activate
    public WorkstationsServlet(@Reference OrkWeb web, @Reference AgentTracking agents) {
        super(web);
        this.agents = agents;
    }

    @Override
    Done change(AdminPage page, HttpServletRequest req, String action) throws IOException {
        switch (action) {
            case "save" -> {
                String error = checkWorkstation(page.param("hostname"), page.param("rfbport"));
                if (error != null) {
                    list(page, List.of(error));
                    return null;
                }
                String port = page.param("rfbport");
                Workstation saved = agents.saveWorkstation(page.param("name"), page.param("hostname"),
                        port.isEmpty() ? DEFAULT_VNC_PORT : Integer.parseInt(port));
                return new Done(PATH, "Workstation " + saved.name() + " saved");
            }
            case "delete" -> {
                agents.deleteWorkstation(page.id("id"));
                return new Done(PATH, "Workstation deleted");
            }
            default -> {
                return unknown(page, action);
            }
        }
    }

    /** What is wrong with a workstation's host name and VNC port (empty: 5900), or null. */
    static String checkWorkstation(String hostname, String port) {
        if (hostname.isEmpty() || hostname.length() > 255 || hostname.chars().anyMatch(Character::isWhitespace)) {
            return "A workstation needs a host name or address, without spaces (agents' logins name it)";
        }
        if (!port.isEmpty()) {
            try {
                int value = Integer.parseInt(port);
                if (value >= 1 && value <= 65535) {
                    return null;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            return "The VNC port is a number from 1 to 65535; '" + port + "' is not";
        }
        return null;
    }

    @Override
    void list(AdminPage page, List<String> errors) throws IOException {
        List<Workstation> workstations = agents.workstations();
        StringBuilder body = new StringBuilder("<table class=\"results\" id=\"workstations\"><thead><tr><th>Name</th>"
                + "<th>Host name</th><th>VNC port</th><th></th></tr></thead><tbody>");
        for (Workstation w : workstations) {
            body.append("<tr><td>").append(escape(w.name())).append("</td><td>").append(escape(w.hostname())).append("</td><td>")
                    .append(w.rfbPort()).append("</td><td class=\"actions\">")
                    .append(page.button(PATH, "delete", Map.of("id", w.id()), "Delete", "discard")).append("</td></tr>");
        }
        if (workstations.isEmpty()) {
            body.append("<tr><td colspan=\"4\">No workstation</td></tr>");
        }
        body.append("</tbody></table><h2>Add or change a workstation</h2><p>A workstation is known by its host name; ")
                .append("saving one with the same host name changes its name and port.</p>")
                .append(page.form(PATH, "save", "search"))
                .append(AdminPage.input("Name", "name", page.param("name"), "maxlength=\"255\""))
                .append(AdminPage.input("Host name or address", "hostname", page.param("hostname"), "required maxlength=\"255\""))
                .append(AdminPage.input("VNC port", "rfbport", page.param("rfbport"), "inputmode=\"numeric\" placeholder=\"5900\""))
                .append("<button type=\"submit\" id=\"saveworkstation\">Save workstation</button></form>");
        List<AgentLogin> logins = agents.current();
        body.append("<h2>Agents logged in</h2><table class=\"results\" id=\"agents\"><thead><tr><th>Agent</th><th>Device</th>")
                .append("<th>Agent group</th><th>Workstation</th><th>VNC port</th><th>Since</th></tr></thead><tbody>");
        for (AgentLogin a : logins) {
            body.append("<tr><td>").append(escape(a.agent())).append("</td><td>").append(escape(a.device())).append("</td><td>")
                    .append(escape(a.agentGroup())).append("</td><td>").append(escape(a.workstation())).append("</td><td>")
                    .append(a.rfbPort() == null ? "" : a.rfbPort()).append("</td><td>")
                    .append(escape(RecordersServlet.TIME.format(a.loginTime()))).append("</td></tr>");
        }
        if (logins.isEmpty()) {
            body.append("<tr><td colspan=\"6\">No agent is logged in</td></tr>");
        }
        body.append("</tbody></table>");
        page.render("Workstations", errors, body.toString());
    }
}
