package org.oreka.web.internal;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.oreka.web.OrkWeb;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** {@code /orkweb/}: sends the user to the recordings search; any other unknown path is a page-not-found in the layout. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/")
@HttpWhiteboardServletName("orkweb-root")
@HttpWhiteboardContextSelect(OrkWeb.CONTEXT_SELECT)
public class RootServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient OrkWeb web;

    @Activate
    public RootServlet(@Reference OrkWeb web) {
        this.web = web;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = OrkWebContext.pathInContext(req);
        if (path.isEmpty() || path.equals("/")) {
            resp.sendRedirect(req.getContextPath() + RecordingsServlet.PATH);
        } else {
            web.render(req, resp, HttpServletResponse.SC_NOT_FOUND, "Page not found",
                    "<p class=\"error\">There is no such page.</p>");
        }
    }
}
