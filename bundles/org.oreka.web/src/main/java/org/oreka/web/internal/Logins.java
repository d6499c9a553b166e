package org.oreka.web.internal;

import java.time.Clock;

import javax.servlet.http.HttpServletRequest;

import org.oreka.track.storage.LoginResult;
import org.oreka.track.storage.UserDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs users in, from the login form and from remote login URLs alike: the address throttle, the password check
 * (which locks a user after repeated failures), and a new session for a success.
 */
@Component(service = Logins.class)
public class Logins {

    private static final Logger LOG = LoggerFactory.getLogger(Logins.class);

    private final UserDirectory users;
    private final LoginThrottle throttle = new LoginThrottle(Clock.systemUTC());

    @Activate
    public Logins(@Reference UserDirectory users) {
        this.users = users;
    }

    /**
     * Checks a login and, when it succeeds, starts the request's session as that user.
     *
     * @return null on success, else the message to show
     */
    String logIn(HttpServletRequest request, String loginString, String password) {
        String address = request.getRemoteAddr();
        if (!throttle.allowed(address)) {
            LOG.warn("OrkWeb login from {} refused: too many failed logins from that address", address);
            return "Too many failed logins from your address; try again in a few minutes";
        }
        if (loginString == null || loginString.isBlank() || password == null || password.isEmpty()) {
            return "Give your login and password";
        }
        LoginResult result = users.login(loginString.trim(), password.toCharArray());
        switch (result.outcome()) {
            case SUCCESS:
                throttle.succeeded(address);
                WebSession.start(request, result.user().id(), loginString.trim());
                LOG.info("OrkWeb login of {} from {}", loginString.trim(), address);
                return null;
            case LOCKED:
                throttle.failed(address);
                return "Too many wrong passwords: this login is locked for a few minutes";
            default:
                throttle.failed(address);
                LOG.info("OrkWeb login failed for '{}' from {}", loginString.trim(), address);
                return "Invalid login or password";
        }
    }

    /** Whether a password is the user's own (the Account page), counting a failure as a failed login. */
    boolean passwordMatches(String loginString, String password) {
        return users.login(loginString, password.toCharArray()).success();
    }
}
