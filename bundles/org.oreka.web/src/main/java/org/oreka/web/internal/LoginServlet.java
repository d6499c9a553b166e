package org.oreka.web.internal;

import static org.oreka.web.Html.escape;

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

/** {@code /orkweb/login}: the login form, which goes on to the page asked for ({@code next}) once logged in. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(LoginServlet.PATH)
@HttpWhiteboardServletName("orkweb-login")
@HttpWhiteboardContextSelect(OrkWeb.CONTEXT_SELECT)
public class LoginServlet extends HttpServlet {

    static final String PATH = "/login";

    private static final long serialVersionUID = 1L;

    private final transient OrkWeb web;
    private final transient Logins logins;

    @Activate
    public LoginServlet(@Reference OrkWeb web, @Reference Logins logins) {
        this.web = web;
        this.logins = logins;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String next = safeNext(req.getContextPath(), req.getParameter("next"));
        if (WebSession.login(req) != null) {
            resp.sendRedirect(next);
            return;
        }
        showForm(web, req, resp, HttpServletResponse.SC_OK, next, "", null);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String next = safeNext(req.getContextPath(), req.getParameter("next"));
        String username = req.getParameter("username");
        String failure = logins.logIn(req, username, req.getParameter("password"));
        if (failure == null) {
            resp.sendRedirect(next);
        } else {
            showForm(web, req, resp, HttpServletResponse.SC_UNAUTHORIZED, next, username, failure);
        }
    }

    /** Shows the login form, with a failure message when there is one. */
    static void showForm(OrkWeb web, HttpServletRequest req, HttpServletResponse resp, int status, String next,
            String username, String failure) throws IOException {
        String body = (failure == null ? "" : "<p class=\"error\" role=\"alert\">" + escape(failure) + "</p>")
                + "<form method=\"post\" class=\"login\" action=\"" + escape(req.getContextPath() + PATH) + "\">"
                + web.csrfField(req)
                + "<input type=\"hidden\" name=\"next\" value=\"" + escape(next) + "\">"
                + "<label>Login <input name=\"username\" id=\"username\" autocomplete=\"username\" required autofocus value=\""
                + escape(username) + "\"></label>"
                + "<label>Password <input type=\"password\" name=\"password\" id=\"password\" autocomplete=\"current-password\" required></label>"
                + "<button type=\"submit\" id=\"login\">Log in</button></form>";
        web.render(req, resp, status, "Log in", body);
    }

    /**
     * The page to go to after logging in: {@code next} when it is a path of this context, else the start page (so
     * that the login form cannot send anyone to another site).
     */
    static String safeNext(String contextPath, String next) {
        if (next == null || !next.startsWith(contextPath + "/") || next.startsWith("//") || next.contains("\\")
                || next.startsWith(contextPath + PATH) || next.chars().anyMatch(c -> c < 0x20)) {
            return contextPath + AppServlet.PATH;
        }
        return next;
    }
}
