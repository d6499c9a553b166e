package org.oreka.web.internal;

import static org.oreka.web.Html.escape;

import java.io.IOException;
import java.util.Objects;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.oreka.track.storage.TrackException;
import org.oreka.track.storage.UserDirectory;
import org.oreka.web.OrkWeb;
import org.oreka.web.Viewer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** {@code /orkweb/account}: the logged-in user's account, and changing one's password (the old one, the new one twice). */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(AccountServlet.PATH)
@HttpWhiteboardServletName("orkweb-account")
@HttpWhiteboardContextSelect(OrkWeb.CONTEXT_SELECT)
public class AccountServlet extends HttpServlet {

    static final String PATH = "/account";

    private static final long serialVersionUID = 1L;

    private final transient OrkWeb web;
    private final transient Logins logins;
    private final transient UserDirectory users;

    @Activate
    public AccountServlet(@Reference OrkWeb web, @Reference Logins logins, @Reference UserDirectory users) {
        this.web = web;
        this.logins = logins;
        this.users = users;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        show(req, resp, HttpServletResponse.SC_OK, null, null);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Viewer viewer = web.viewer(req);
        String old = Objects.requireNonNullElse(req.getParameter("oldpassword"), "");
        String fresh = Objects.requireNonNullElse(req.getParameter("newpassword"), "");
        String again = Objects.requireNonNullElse(req.getParameter("newpassword2"), "");
        if (!fresh.equals(again)) {
            show(req, resp, HttpServletResponse.SC_BAD_REQUEST, "The two new passwords differ", null);
        } else if (fresh.length() < UserDirectory.MIN_PASSWORD_LENGTH) {
            show(req, resp, HttpServletResponse.SC_BAD_REQUEST,
                    "The new password must have at least " + UserDirectory.MIN_PASSWORD_LENGTH + " characters", null);
        } else if (!logins.passwordMatches(viewer.loginString(), old)) {
            show(req, resp, HttpServletResponse.SC_FORBIDDEN, "The current password is wrong", null);
        } else {
            try {
                users.setPassword(viewer.userId(), fresh.toCharArray());
                show(req, resp, HttpServletResponse.SC_OK, null, "Your password was changed");
            } catch (TrackException e) {
                show(req, resp, HttpServletResponse.SC_BAD_REQUEST, e.getMessage(), null);
            }
        }
    }

    private void show(HttpServletRequest req, HttpServletResponse resp, int status, String error, String done)
            throws IOException {
        Viewer viewer = web.viewer(req);
        StringBuilder body = new StringBuilder();
        body.append("<dl class=\"fields\"><dt>Name</dt><dd>").append(escape(viewer.displayName()))
                .append("</dd><dt>Login</dt><dd>").append(escape(viewer.loginString()))
                .append("</dd><dt>Role</dt><dd>").append(viewer.admin() ? "Administrator" : "User").append("</dd></dl>")
                .append("<h2>Change password</h2>");
        if (error != null) {
            body.append("<p class=\"error\" role=\"alert\">").append(escape(error)).append("</p>");
        }
        if (done != null) {
            body.append("<p class=\"done\" role=\"status\">").append(escape(done)).append("</p>");
        }
        body.append("<form method=\"post\" class=\"account\" action=\"").append(escape(req.getContextPath() + PATH)).append("\">")
                .append(web.csrfField(req))
                .append("<label>Current password <input type=\"password\" name=\"oldpassword\" id=\"oldpassword\" autocomplete=\"current-password\" required></label>")
                .append("<label>New password <input type=\"password\" name=\"newpassword\" id=\"newpassword\" autocomplete=\"new-password\" minlength=\"")
                .append(UserDirectory.MIN_PASSWORD_LENGTH).append("\" required></label>")
                .append("<label>New password again <input type=\"password\" name=\"newpassword2\" id=\"newpassword2\" autocomplete=\"new-password\" required></label>")
                .append("<button type=\"submit\" id=\"changepassword\">Change password</button></form>");
        web.render(req, resp, status, "Account", body.toString());
    }
}
