package org.oreka.web.internal;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;

import org.oreka.web.OrkWeb;

/**
 * What OrkWeb keeps in a user's {@link HttpSession}: who logged in, the CSRF token of its forms, and whether the
 * navigation menu is hidden (remote login with {@code mainmenu=false}).
 */
final class WebSession {

    private static final String USER = "org.oreka.web.userId";
    private static final String LOGIN = "org.oreka.web.loginString";
    private static final String CSRF = "org.oreka.web.csrf";
    private static final String MENU_HIDDEN = "org.oreka.web.menuHidden";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebSession() {
    }

    /** The logged-in user's id and login string, or null. */
    static Login login(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(USER) instanceof Long id)) {
            return null;
        }
        return new Login(id, (String) session.getAttribute(LOGIN));
    }

    /**
     * Starts the session of a user who gave the right password: a new session id (against session fixation) and
     * a new CSRF token.
     */
    static void start(HttpServletRequest request, long userId, String loginString) {
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        session.setAttribute(USER, userId);
        session.setAttribute(LOGIN, loginString);
        session.setAttribute(CSRF, newToken());
    }

    /** Ends the session. */
    static void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    /** The session's CSRF token, made (with the session) when missing. */
    static String csrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        synchronized (session) {
            Object token = session.getAttribute(CSRF);
            if (token == null) {
                token = newToken();
                session.setAttribute(CSRF, token);
            }
            return (String) token;
        }
    }

    /** Whether the request carries its session's CSRF token, compared in constant time. */
    static boolean csrfValid(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(CSRF);
        String given = request.getHeader(OrkWeb.CSRF_HEADER);
        if (given == null) {
            given = request.getParameter(OrkWeb.CSRF_PARAMETER);
        }
        return tokensMatch((String) expected, given);
    }

    static boolean tokensMatch(String expected, String given) {
        return expected != null && given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    static void hideMenu(HttpServletRequest request, boolean hidden) {
        request.getSession(true).setAttribute(MENU_HIDDEN, hidden);
    }

    static boolean menuHidden(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && Boolean.TRUE.equals(session.getAttribute(MENU_HIDDEN));
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A session's user. */
    record Login(long userId, String loginString) {
    }
}
