package org.oreka.web.admin.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.oreka.track.storage.UserDirectory;
import org.oreka.track.storage.UserUpdate;

/**
 * The user forms' fields, checked: a new user (login string, names, e-mail, recordable, administrator, an optional
 * password typed twice), a user's details, a login string, a password. Every problem is a message; nothing throws.
 */
final class UserForm {

    /** A login string: an extension, a SIP URI, an agent id; no spaces, since OrkTrack matches it exactly. */
    private static final Pattern LOGIN_STRING = Pattern.compile("\\S{1,255}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,128}@[^@\\s]{1,128}");
    private static final int NAME_LENGTH = 255;

    final List<String> errors = new ArrayList<>();
    String loginString;
    String firstname;
    String lastname;
    String email;
    boolean recordable;
    boolean admin;
    /** The new password, or null when none was typed. */
    char[] password;

    private UserForm() {
    }

    /** The new-user form. */
    static UserForm newUser(Function<String, String> param) {
        UserForm form = details(param);
        form.loginString = text(param, "loginstring");
        form.checkLoginString(form.loginString);
        form.admin = "true".equals(param.apply("admin"));
        String password = text(param, "password");
        if (!password.isEmpty() || !text(param, "password2").isEmpty()) {
            form.checkPassword(param);
        }
        if (form.admin && form.password == null) {
            form.errors.add("An administrator needs a password to log in");
        }
        return form;
    }

    /** The details form of an existing user: names, e-mail, recordable. */
    static UserForm details(Function<String, String> param) {
        UserForm form = new UserForm();
        form.firstname = text(param, "firstname");
        form.lastname = text(param, "lastname");
        form.email = text(param, "email");
        form.recordable = "true".equals(param.apply("recordable"));
        if (form.firstname.isEmpty() || form.lastname.isEmpty()) {
            form.errors.add("A user needs a first name and a last name");
        }
        if (form.firstname.length() > NAME_LENGTH || form.lastname.length() > NAME_LENGTH) {
            form.errors.add("Names have at most " + NAME_LENGTH + " characters");
        }
        if (!form.email.isEmpty() && (!EMAIL.matcher(form.email).matches() || form.email.length() > NAME_LENGTH)) {
            form.errors.add("'" + form.email + "' is not an e-mail address (name@domain)");
        }
        return form;
    }

    /** A login string to add. */
    static UserForm loginString(Function<String, String> param) {
        UserForm form = new UserForm();
        form.loginString = text(param, "loginstring");
        form.checkLoginString(form.loginString);
        return form;
    }

    /** The password form: the new password twice. */
    static UserForm password(Function<String, String> param) {
        UserForm form = new UserForm();
        form.checkPassword(param);
        return form;
    }

    private void checkLoginString(String value) {
        if (value.isEmpty()) {
            errors.add("A login string is needed (an extension, a SIP address or an agent id)");
        } else if (!LOGIN_STRING.matcher(value).matches()) {
            errors.add("A login string has no spaces and at most 255 characters");
        }
    }

    private void checkPassword(Function<String, String> param) {
        String password = Objects.requireNonNullElse(param.apply("password"), "");
        if (!password.equals(Objects.requireNonNullElse(param.apply("password2"), ""))) {
            errors.add("The two passwords differ");
        } else if (password.length() < UserDirectory.MIN_PASSWORD_LENGTH) {
            errors.add("A password has at least " + UserDirectory.MIN_PASSWORD_LENGTH + " characters");
        } else {
            this.password = password.toCharArray();
        }
    }

    /** The new user for {@link UserDirectory#save}. */
    UserUpdate update() {
        return new UserUpdate(loginString, firstname, lastname, email.isEmpty() ? null : email, recordable, null, null, null, null);
    }

    private static String text(Function<String, String> param, String name) {
        return Objects.requireNonNullElse(param.apply(name), "").trim();
    }
}
