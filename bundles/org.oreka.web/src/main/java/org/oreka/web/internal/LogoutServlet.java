package org.oreka.web.internal;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.oreka.web.OrkWeb;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** {@code POST /orkweb/logout}: ends the session (a POST with the CSRF token, so that no link can log anyone out). */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(LogoutServlet.PATH)
@HttpWhiteboardServletName("orkweb-logout")
@HttpWhiteboardContextSelect(OrkWeb.CONTEXT_SELECT)
public class LogoutServlet extends HttpServlet {

    static final String PATH = "/logout";

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        WebSession.end(req);
        resp.sendRedirect(req.getContextPath() + LoginServlet.PATH);
    }
}
