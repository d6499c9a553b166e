package org.oreka.web.internal.shell;

import java.util.Arrays;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.oreka.track.storage.User;
import org.oreka.track.storage.UserDirectory;
import org.oreka.track.storage.UserUpdate;

/**
 * {@code oreka:web-admin <loginstring>}: makes an OrkWeb administrator and sets its password, asked twice without
 * echo; the user and its login string are created when missing. A fresh installation has no one who can log in
 * until this is run.
 */
@Service
@Command(scope = "oreka", name = "web-admin", description = "Makes a user an OrkWeb administrator and sets its password (asked twice); creates the user when missing")
public class WebAdminCommand implements Action {

    @Argument(index = 0, name = "loginstring", description = "The administrator's login (an OrkTrack login string)", required = true)
    String loginString;

    @Option(name = "--firstname", description = "First name of a user created now")
    String firstname = "OrkWeb";

    @Option(name = "--lastname", description = "Last name of a user created now")
    String lastname = "Administrator";

    @Reference
    UserDirectory users;

    @Reference
    Session session;

    @Override
    public Object execute() throws Exception {
        String login = loginString.trim();
        if (login.isEmpty()) {
            throw new IllegalArgumentException("The login string is empty");
        }
        char[] password = PasswordPrompt.askTwice(session, login);
        try {
            Optional<User> existing = users.byLoginString(login);
            User user = existing.orElseGet(() -> users.save(new UserUpdate(login, firstname, lastname, null, null, null, null, null, null)));
            users.setPassword(user.id(), password);
            users.setAdmin(user.id(), true);
            System.out.println((existing.isPresent() ? "User " : "New user ") + user.id() + " (" + login
                    + ") is an OrkWeb administrator; log in at /orkweb/");
            return null;
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
