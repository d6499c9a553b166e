package org.oreka.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oreka.web.MenuEntry;
import org.oreka.web.Viewer;

/** CSRF tokens, the login form's redirect target, the address throttle and the menu's administrator entries. */
class WebSecurityTest {

    @Test
    void csrfTokensAreRandomAndMustMatchExactly() {
        String token = WebSession.newToken();
        assertEquals(43, token.length(), "256 random bits, base64url");
        assertNotEquals(token, WebSession.newToken());
        assertTrue(WebSession.tokensMatch(token, token));
        assertFalse(WebSession.tokensMatch(token, token.substring(1)));
        assertFalse(WebSession.tokensMatch(token, token + "x"));
        assertFalse(WebSession.tokensMatch(token, null), "a POST without a token");
        assertFalse(WebSession.tokensMatch(null, token), "a session without a token");
        assertFalse(WebSession.tokensMatch(null, null));
    }

    @Test
    void afterLoginOnlyPagesOfThisContextAreFollowed() {
        assertEquals("/orkweb/recordings?local=5001", LoginServlet.safeNext("/orkweb", "/orkweb/recordings?local=5001"));
        for (String next : new String[] {null, "", "https://evil.example/", "//evil.example/orkweb/", "/orkweb",
                "/orkwebx/", "/orktrack/command?cmd=ping", "/orkweb/\\evil", "/orkweb/login?next=x", "/orkweb/a\r\nSet-Cookie: x"}) {
            assertEquals("/orkweb/app", LoginServlet.safeNext("/orkweb", next), String.valueOf(next));
        }
    }

    @Test
    void anAddressIsRefusedAfterTooManyFailuresUntilItsWindowEnds() {
        MutableClock clock = new MutableClock();
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertTrue(throttle.allowed("10.0.0.9"));
            throttle.failed("10.0.0.9");
        }
        assertFalse(throttle.allowed("10.0.0.9"));
        assertTrue(throttle.allowed("10.0.0.10"), "other addresses are not affected");
        clock.now = clock.now.plus(LoginThrottle.WINDOW).plusSeconds(1);
        assertTrue(throttle.allowed("10.0.0.9"));
        throttle.failed("10.0.0.9");
        throttle.succeeded("10.0.0.9");
        assertTrue(throttle.allowed("10.0.0.9"));
    }

    @Test
    void administratorEntriesAreShownToAdministratorsOnlyInOrder() {
        OrkWebImpl web = new OrkWebImpl();
        web.bindMenuEntry(new OrkWebImpl.Entry("Users", "/admin/users", true, 50));
        web.bindMenuEntry(new OrkWebImpl.Entry("Help", "/help", false, 95));
        List<String> admin = web.menu(new Viewer("boss", 1, true, "Boss")).stream().map(MenuEntry::label).toList();
        List<String> user = web.menu(new Viewer("5001", 2, false, "Ann")).stream().map(MenuEntry::label).toList();
        assertEquals(List.of("Recordings", "Live monitoring", "Users", "Account", "Help"), admin);
        assertEquals(List.of("Recordings", "Live monitoring", "Account", "Help"), user);
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-28T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
