package org.oreka.web.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.oreka.track.storage.User;
import org.oreka.track.storage.UserDirectory;
import org.oreka.web.OrkWeb;
import org.oreka.web.Viewer;
import org.osgi.framework.Bundle;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContext;

/**
 * The {@code /orkweb} web context: the security every OrkWeb page relies on, applied before any servlet of the
 * context runs (its own and other bundles'): security headers, login required, administrators only under
 * {@code /admin/}, a CSRF token on every POST. One instance per bundle using it, so each serves its own resources.
 */
@Component(service = ServletContextHelper.class, scope = ServiceScope.BUNDLE)
@HttpWhiteboardContext(name = OrkWeb.CONTEXT_NAME, path = OrkWeb.CONTEXT_PATH)
public class OrkWebContext extends ServletContextHelper {

    /** The request attribute holding the {@link Viewer} of a request the context let through. */
    static final String VIEWER = "org.oreka.web.viewer";

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; media-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";

    private final UserDirectory users;

    @Activate
    public OrkWebContext(ComponentContext context, @Reference UserDirectory users) {
        this(context.getUsingBundle(), users);
    }

    /** The context of a bundle, whose resources it serves. */
    OrkWebContext(Bundle bundle, UserDirectory users) {
        super(bundle);
        this.users = users;
    }

    @Override
    public boolean handleSecurity(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = pathInContext(request);
        securityHeaders(response, path.startsWith("/static/"));
        boolean post = "POST".equals(request.getMethod());
        if (isPublic(path, request)) {
            if (post && path.equals(LoginServlet.PATH) && !WebSession.csrfValid(request)) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN, "The login form has expired; reload the page");
                return false;
            }
            return true;
        }
        Optional<Viewer> viewer = viewer(request);
        if (viewer.isEmpty()) {
            if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
                String next = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
                response.sendRedirect(request.getContextPath() + LoginServlet.PATH + "?next="
                        + URLEncoder.encode(next, StandardCharsets.UTF_8));
            } else {
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Log in first");
            }
            return false;
        }
        if (path.startsWith(OrkWeb.ADMIN_PATH_PREFIX) && !viewer.get().admin()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "For administrators only");
            return false;
        }
        if (post && !WebSession.csrfValid(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "The form has expired (no valid CSRF token); reload the page");
            return false;
        }
        request.setAttribute(VIEWER, viewer.get());
        return true;
    }

    /** The session's user, as the database has it now: none when it was disabled or deleted since it logged in. */
    private Optional<Viewer> viewer(HttpServletRequest request) {
        WebSession.Login login = WebSession.login(request);
        if (login == null) {
            return Optional.empty();
        }
        Optional<User> user = users.byId(login.userId()).filter(User::active);
        if (user.isEmpty()) {
            WebSession.end(request);
            return Optional.empty();
        }
        return user.map(u -> new Viewer(login.loginString(), u.id(), u.admin(), displayName(u, login.loginString())));
    }

    private static String displayName(User user, String loginString) {
        String name = ((user.firstname() == null ? "" : user.firstname()) + " "
                + (user.lastname() == null ? "" : user.lastname())).trim();
        return name.isEmpty() ? loginString : name;
    }

    /** The login form, the style sheet and scripts, and a remote login (which logs in itself) need no session. */
    private static boolean isPublic(String path, HttpServletRequest request) {
        return path.equals(LoginServlet.PATH) || path.startsWith("/static/")
                || path.equals(AppServlet.PATH) && request.getParameter(AppServlet.USERNAME) != null;
    }

    static String pathInContext(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    static void securityHeaders(HttpServletResponse response, boolean staticResource) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cache-Control", staticResource ? "no-cache" : "no-store");
    }
}
