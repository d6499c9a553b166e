package org.oreka.web.admin.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oreka.web.admin.internal.ProgramFormTest.fields;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.oreka.track.storage.UserUpdate;

/** The user forms (a new user, its details, a login string, a password) and the other pages' checks. */
class AdminFormsTest {

    @Test
    void aNewUserWithAPasswordAndAdministratorRights() {
        UserForm form = UserForm.newUser(fields("loginstring", " 5001 ", "firstname", "Ann", "lastname", "Lee", "email",
                "ann@example.com", "recordable", "true", "password", "long-enough", "password2", "long-enough", "admin", "true")::get);
        assertEquals(List.of(), form.errors);
        assertEquals(new UserUpdate("5001", "Ann", "Lee", "ann@example.com", true, null, null, null, null), form.update());
        assertArrayEquals("long-enough".toCharArray(), form.password);
        assertTrue(form.admin);
    }

    @Test
    void aNewUserWithoutPasswordIsNotRecordableWhenTheBoxIsUnchecked() {
        UserForm form = UserForm.newUser(fields("loginstring", "5002", "firstname", "Bob", "lastname", "Ray")::get);
        assertEquals(List.of(), form.errors);
        assertNull(form.password);
        assertFalse(form.update().recordable());
        assertNull(form.update().email());
    }

    @Test
    void everyProblemOfANewUserIsAMessage() {
        UserForm form = UserForm.newUser(fields("loginstring", "50 01", "firstname", "", "lastname", "Lee", "email", "ann.example.com",
                "password", "short", "password2", "short", "admin", "true")::get);
        assertEquals(List.of("A user needs a first name and a last name", "'ann.example.com' is not an e-mail address (name@domain)",
                "A login string has no spaces and at most 255 characters", "A password has at least 8 characters",
                "An administrator needs a password to log in"), form.errors);
        assertEquals(List.of("A login string is needed (an extension, a SIP address or an agent id)"),
                UserForm.loginString(fields()::get).errors);
        assertEquals(List.of("The two passwords differ"),
                UserForm.password(fields("password", "long-enough", "password2", "long-enougH")::get).errors);
    }

    @Test
    void anAdministratorCannotLockThemselvesOut() {
        assertEquals("You cannot disable your own account", UsersServlet.selfRefusal("disable", true));
        assertEquals("You cannot delete your own account", UsersServlet.selfRefusal("delete", true));
        assertTrue(UsersServlet.selfRefusal("revokeadmin", true).startsWith("You cannot take away"));
        assertNull(UsersServlet.selfRefusal("save", true));
        assertNull(UsersServlet.selfRefusal("delete", false));
    }

    @Test
    void aWorkstationNeedsAHostNameAndAPortInRange() {
        assertNull(WorkstationsServlet.checkWorkstation("HomePC", ""));
        assertNull(WorkstationsServlet.checkWorkstation("10.0.0.22", "5901"));
        assertTrue(WorkstationsServlet.checkWorkstation("", "5900").startsWith("A workstation needs a host name"));
        assertTrue(WorkstationsServlet.checkWorkstation("home pc", "").startsWith("A workstation needs a host name"));
        assertEquals("The VNC port is a number from 1 to 65535; '70000' is not", WorkstationsServlet.checkWorkstation("h", "70000"));
        assertEquals("The VNC port is a number from 1 to 65535; 'vnc' is not", WorkstationsServlet.checkWorkstation("h", "vnc"));
    }
}
