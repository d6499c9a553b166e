package org.oreka.track.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oreka.track.storage.TrackException;
import org.oreka.track.storage.User;
import org.oreka.track.storage.UserUpdate;

class UserDirectoryTest {

    private TrackFixture track;

    @BeforeEach
    void open() throws Exception {
        track = new TrackFixture();
    }

    @AfterEach
    void close() {
        track.close();
    }

    private static UserUpdate user(String loginString, String first, String last) {
        return new UserUpdate(loginString, first, last, null, null, null, null, null, null);
    }

    @Test
    void aNewLoginStringAddsAUserWithTheDefaults() {
        User john = track.users.save(new UserUpdate("5001", "John", "Smith", "jsmith@abc.com", null, null, "Sales", null, null));
        assertEquals(List.of("5001"), john.loginStrings());
        assertTrue(john.recordable());
        assertFalse(john.external());
        assertEquals(List.of("Sales"), john.groups());
        assertEquals(1, track.users.groupsNamed("Sales").size(), "the missing group was created");
    }

    @Test
    void anUpdateChangesOnlyTheFieldsGiven() {
        track.users.save(new UserUpdate("5001", "John", "Smith", "jsmith@abc.com", true, true, null, null, null));
        User updated = track.users.save(new UserUpdate("5001", null, null, null, false, null, "Support", null, null));
        assertEquals("John", updated.firstname());
        assertEquals("jsmith@abc.com", updated.email());
        assertFalse(updated.recordable());
        assertTrue(updated.external());
        assertEquals(1, track.count("SELECT COUNT(u) FROM UserEntity u"));
    }

    @Test
    void semiOptionalParametersAreRequiredAndTheLoginStringIsMandatory() {
        TrackException noNames = assertThrows(TrackException.class, () -> track.users.save(user("5001", "John", null)));
        assertEquals("ERROR_SAVING_USER", noNames.returnCode());
        assertThrows(TrackException.class, () -> track.users.save(user(" ", "John", "Smith")));
        assertEquals("5001", track.users.save(new UserUpdate("5001", null, null, null, null, null, "Sales", null, null))
                .loginStrings().get(0), "a group name alone is enough");
    }

    @Test
    void duplicateGroupNamesAreSkippedAndSecurityGroupsMustExistAndAreReplaced() {
        track.users.createGroup("Twins", false, null);
        track.users.createGroup("Twins", false, null);
        track.users.createGroup("Auditors", true, null);
        track.users.createGroup("Managers", true, null);
        User u = track.users.save(new UserUpdate("5002", "Ann", "Lee", null, null, null, "Twins", "Nonexistent", null));
        assertEquals(List.of(), u.groups());
        assertNull(u.securityGroup());
        assertEquals(2, track.users.groupsNamed("Twins").size(), "no third group was created");
        assertEquals("Auditors", track.users.save(new UserUpdate("5002", null, null, null, null, null, null, "Auditors", null))
                .securityGroup());
        assertEquals("Managers", track.users.save(new UserUpdate("5002", null, null, null, null, null, null, "Managers", null))
                .securityGroup(), "a user has one security group");
    }

    @Test
    void loginStringsAreAddedToTheUserThatHasTheSearchKey() {
        track.users.save(user("5001", "John", "Smith"));
        track.users.save(user("6001", "Ann", "Lee"));
        User john = track.users.addLoginStrings("5001", List.of("5555", "sip:john@pbx"));
        assertEquals(List.of("5001", "5555", "sip:john@pbx"), john.loginStrings());
        assertEquals(john.id(), track.users.byLoginString("5555").orElseThrow().id());
        assertEquals("ERROR_NO_USER_FOUND_FOR_LOGINSTRING",
                assertThrows(TrackException.class, () -> track.users.addLoginStrings("9999", List.of("1"))).returnCode());
        assertEquals("ERROR_LOGINSTRING_IN_USE",
                assertThrows(TrackException.class, () -> track.users.addLoginStrings("5001", List.of("6001"))).returnCode());
    }

    @Test
    void anImportAddsOrReplacesLoginStrings() {
        track.users.save(user("5001", "John", "Smith"));
        track.users.addLoginStrings("5001", List.of("5002"));
        var keep = track.users.importUsers(List.of(
                new UserUpdate("5001", "John", "Smith", null, null, null, null, null, List.of("5003")),
                new UserUpdate("7001", "New", "Person", null, false, null, null, null, List.of())), true);
        assertEquals(1, keep.added());
        assertEquals(1, keep.updated());
        assertEquals(List.of("5001", "5002", "5003"), track.users.byLoginString("5001").orElseThrow().loginStrings());
        assertFalse(track.users.byLoginString("7001").orElseThrow().recordable());
        track.users.importUsers(List.of(new UserUpdate("5001", "John", "Smith", null, null, null, null, null, List.of("5004"))),
                false);
        assertEquals(List.of("5001", "5004"), track.users.byLoginString("5001").orElseThrow().loginStrings());
    }

    @Test
    void aRegularGroupIsDeletedOnlyByAUniqueExactName() {
        track.users.save(new UserUpdate("5001", "John", "Smith", null, null, null, "Sales", null, null));
        track.users.createGroup("Auditors", true, null);
        track.users.createGroup("Twins", false, null);
        track.users.createGroup("Twins", false, null);
        assertEquals("ERROR_GROUP_NOT_FOUND", assertThrows(TrackException.class, () -> track.users.deleteGroup("Auditors"))
                .returnCode(), "a security group is not deleted");
        assertEquals("ERROR_DUPLICATE_GROUP", assertThrows(TrackException.class, () -> track.users.deleteGroup("Twins"))
                .returnCode());
        assertThrows(TrackException.class, () -> track.users.deleteGroup("sales"));
        track.users.deleteGroup("Sales");
        assertEquals(List.of(), track.users.byLoginString("5001").orElseThrow().groups());
        assertEquals(0, track.users.groupsNamed("Sales").size());
    }
}
