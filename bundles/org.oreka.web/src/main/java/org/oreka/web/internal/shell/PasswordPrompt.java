package org.oreka.web.internal.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.karaf.shell.api.console.Session;
import org.oreka.track.storage.UserDirectory;

/** Asks for a new OrkWeb password twice, without echo on a console, and checks it. */
final class PasswordPrompt {

    private PasswordPrompt() {
    }

    /**
     * The password typed twice for a login string; the caller clears the array after use.
     *
     * @throws IllegalArgumentException (which the shell prints) when the two differ or the password is too short
     */
    static char[] askTwice(Session session, String loginString) throws IOException {
        char[] password = read(session, "Password for " + loginString + ": ");
        char[] again = read(session, "Password again: ");
        try {
            if (password.length == 0 || !Arrays.equals(password, again)) {
                throw new IllegalArgumentException(password.length == 0 ? "No password given; nothing changed"
                        : "The passwords differ; nothing changed");
            }
            if (password.length < UserDirectory.MIN_PASSWORD_LENGTH) {
                throw new IllegalArgumentException("A password has at least " + UserDirectory.MIN_PASSWORD_LENGTH
                        + " characters; nothing changed");
            }
            return password.clone();
        } finally {
            Arrays.fill(password, '\0');
            Arrays.fill(again, '\0');
        }
    }

    /** A line from the console without echo, or a line of standard input in a session without a terminal. */
    private static char[] read(Session session, String prompt) throws IOException {
        try {
            String line = session.readLine(prompt, '*');
            return line == null ? new char[0] : line.toCharArray();
        } catch (UnsupportedOperationException headless) {
            // ssh with a command, or a script: nothing to echo on, the password comes on standard input
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b; (b = System.in.read()) >= 0 && b != '\n';) {
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.UTF_8).toCharArray();
        }
    }
}
