package org.oreka.web.internal.shell;

import java.util.Arrays;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.oreka.track.storage.User;
import org.oreka.track.storage.UserDirectory;

/**
 * {@code oreka:web-password <loginstring>}: sets the OrkWeb password of an existing user (asked twice without echo),
 * which also lifts a login lock; the user's administrator flag is left as it is.
 */
@Service
@Command(scope = "oreka", name = "web-password", description = "Sets the OrkWeb password of an existing user (asked twice), lifting a login lock")
public class WebPasswordCommand implements Action {

    @Argument(index = 0, name = "loginstring", description = "One of the user's login strings", required = true)
    String loginString;

    @Reference
    UserDirectory users;

    @Reference
    Session session;

    @Override
    public Object execute() throws Exception {
        Optional<User> user = users.byLoginString(loginString.trim());
        if (user.isEmpty()) {
            throw new IllegalArgumentException("No user has the login string " + loginString.trim()
                    + " (add it with /orktrack/command?cmd=adduser, or make an administrator with oreka:web-admin)");
        }
        char[] password = PasswordPrompt.askTwice(session, loginString.trim());
        try {
            users.setPassword(user.get().id(), password);
            System.out.println("User " + user.get().id() + " (" + loginString.trim() + ") can log in to OrkWeb");
            return null;
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
