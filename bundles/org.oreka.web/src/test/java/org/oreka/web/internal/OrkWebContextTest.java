package org.oreka.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

import org.junit.jupiter.api.Test;
import org.oreka.track.storage.User;
import org.oreka.track.storage.UserDirectory;
import org.oreka.web.Viewer;

/** The context's rules, before any page runs: login required, administrators only under /admin/, CSRF on POST, headers. */
class OrkWebContextTest {

    private final Map<Long, User> users = new HashMap<>();
    private final OrkWebContext context = new OrkWebContext((org.osgi.framework.Bundle) null, directory());

    /** A request and what the context answered to it. */
    private final class Exchange {
        final Map<String, String> parameters = new HashMap<>();
        final Map<String, Object> attributes = new HashMap<>();
        final Map<String, String> headers = new HashMap<>();
        final Map<String, String> answerHeaders = new HashMap<>();
        Map<String, Object> session;
        String method = "GET";
        String path;
        String query;
        int status = 200;
        String redirect;

        Exchange(String path) {
            this.path = path;
        }

        boolean run() throws Exception {
            return context.handleSecurity(request(), response());
        }

        private HttpServletRequest request() {
            return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getRequestURI" -> "/orkweb" + path;
                        case "getContextPath" -> "/orkweb";
                        case "getQueryString" -> query;
                        case "getMethod" -> this.method;
                        case "getParameter" -> parameters.get((String) args[0]);
                        case "getHeader" -> headers.get((String) args[0]);
                        case "getAttribute" -> attributes.get((String) args[0]);
                        case "setAttribute" -> attributes.put((String) args[0], args[1]);
                        case "getSession" -> session == null && (args == null || Boolean.FALSE.equals(args[0])) ? null : session();
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        private HttpSession session() {
            if (session == null) {
                session = new HashMap<>();
            }
            return (HttpSession) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpSession.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getAttribute" -> session.get((String) args[0]);
                        case "setAttribute" -> session.put((String) args[0], args[1]);
                        case "invalidate" -> {
                            session.clear();
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        private HttpServletResponse response() {
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "setHeader" -> answerHeaders.put((String) args[0], (String) args[1]);
                        case "sendRedirect" -> {
                            status = 302;
                            redirect = (String) args[0];
                            yield null;
                        }
                        case "sendError" -> {
                            status = (Integer) args[0];
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        /** Logs the exchange's session in as a user. */
        Exchange as(long userId, String loginString) {
            session = new HashMap<>();
            session.put("org.oreka.web.userId", userId);
            session.put("org.oreka.web.loginString", loginString);
            session.put("org.oreka.web.csrf", "token-1");
            return this;
        }
    }

    private UserDirectory directory() {
        return (UserDirectory) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {UserDirectory.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("byId")) {
                        return Optional.ofNullable(users.get((Long) args[0]));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private void user(long id, boolean admin, boolean disabled) {
        users.put(id, new User(id, "First", "Last", null, true, false, disabled, false, List.of("50" + id), List.of(), null,
                admin, true));
    }

    @Test
    void withoutASessionAPageLeadsToTheLoginFormAndComesBack() throws Exception {
        Exchange page = new Exchange("/recordings");
        page.query = "local=5001";
        assertFalse(page.run());
        assertEquals(302, page.status);
        assertEquals("/orkweb/login?next=%2Forkweb%2Frecordings%3Flocal%3D5001", page.redirect);
        Exchange post = new Exchange("/account");
        post.method = "POST";
        assertFalse(post.run());
        assertEquals(401, post.status);
    }

    @Test
    void theLoginFormStaticFilesAndARemoteLoginNeedNoSession() throws Exception {
        assertTrue(new Exchange("/login").run());
        assertTrue(new Exchange("/static/orkweb.css").run());
        Exchange remote = new Exchange("/app");
        remote.parameters.put("username", "5001");
        assertTrue(remote.run());
        assertFalse(new Exchange("/app").run(), "/app without a login needs a session");
    }

    @Test
    void aLoginPostNeedsTheTokenOfTheFormsSession() throws Exception {
        Exchange login = new Exchange("/login");
        login.method = "POST";
        login.session = new HashMap<>(Map.of("org.oreka.web.csrf", "token-1"));
        login.parameters.put("csrf", "token-2");
        assertFalse(login.run());
        assertEquals(403, login.status);
        login.parameters.put("csrf", "token-1");
        assertTrue(login.run());
    }

    @Test
    void aLoggedInUserGetsThePageWithItsViewerButNotAdministrationPaths() throws Exception {
        user(1, false, false);
        Exchange page = new Exchange("/recordings").as(1, "501");
        assertTrue(page.run());
        assertEquals(new Viewer("501", 1, false, "First Last"), page.attributes.get(OrkWebContext.VIEWER));
        Exchange admin = new Exchange("/admin/users").as(1, "501");
        assertFalse(admin.run());
        assertEquals(403, admin.status);
        user(2, true, false);
        assertTrue(new Exchange("/admin/users").as(2, "502").run());
    }

    @Test
    void aDisabledUsersSessionEnds() throws Exception {
        user(1, false, true);
        Exchange page = new Exchange("/recordings").as(1, "501");
        assertFalse(page.run());
        assertEquals(302, page.status);
        assertTrue(page.session.isEmpty(), "the session was invalidated");
    }

    @Test
    void everyPostCarriesTheSessionsTokenAsFieldOrHeader() throws Exception {
        user(1, false, false);
        Exchange none = new Exchange("/segment").as(1, "501");
        none.method = "POST";
        assertFalse(none.run());
        assertEquals(403, none.status);
        assertNull(none.attributes.get(OrkWebContext.VIEWER));
        Exchange field = new Exchange("/segment").as(1, "501");
        field.method = "POST";
        field.parameters.put("csrf", "token-1");
        assertTrue(field.run());
        Exchange header = new Exchange("/segment").as(1, "501");
        header.method = "POST";
        header.headers.put("X-CSRF-Token", "token-1");
        assertTrue(header.run());
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        Exchange page = new Exchange("/recordings");
        page.run();
        assertEquals("DENY", page.answerHeaders.get("X-Frame-Options"));
        assertEquals("no-store", page.answerHeaders.get("Cache-Control"));
        assertEquals("nosniff", page.answerHeaders.get("X-Content-Type-Options"));
        String policy = page.answerHeaders.get("Content-Security-Policy");
        assertTrue(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'"));
        Exchange css = new Exchange("/static/orkweb.css");
        css.run();
        assertEquals("no-cache", css.answerHeaders.get("Cache-Control"));
    }
}
