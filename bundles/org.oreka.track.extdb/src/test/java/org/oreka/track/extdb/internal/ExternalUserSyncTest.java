package org.oreka.track.extdb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oreka.track.storage.Group;
import org.oreka.track.storage.LoginResult;
import org.oreka.track.storage.TrackException;
import org.oreka.track.storage.User;
import org.oreka.track.storage.UserDirectory;
import org.oreka.track.storage.UserUpdate;
import org.oreka.track.storage.Visibility;

class ExternalUserSyncTest {

    private EmbeddedDataSource hr;
    private final Map<String, User> existing = new HashMap<>();
    private final List<UserUpdate> imported = new ArrayList<>();
    private Boolean keptLoginStrings;

    private final UserDirectory directory = new UserDirectory() {
        @Override
        public ImportResult importUsers(List<UserUpdate> users, boolean keepLoginStrings) {
            imported.addAll(users);
            keptLoginStrings = keepLoginStrings;
            int updated = (int) users.stream().filter(u -> existing.containsKey(u.loginString())).count();
            return new ImportResult(users.size() - updated, updated);
        }

        @Override
        public Optional<User> byLoginString(String loginString) {
            return Optional.ofNullable(existing.get(loginString));
        }

        @Override
        public User save(UserUpdate update) {
            throw new UnsupportedOperationException();
        }

        @Override
        public User addLoginStrings(String findLoginString, List<String> newLoginStrings) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deleteGroup(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Group createGroup(String name, boolean security, Long parentId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Group> groupsNamed(String name) {
            return List.of();
        }

        @Override
        public Optional<User> byId(long id) {
            return Optional.empty();
        }

        @Override
        public List<User> users() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Group> groups() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setPassword(long userId, char[] password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public LoginResult login(String loginString, char[] password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setAdmin(long userId, boolean admin) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Visibility visibility(long userId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setVisibleGroups(long securityGroupId, List<Long> groupIds) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Group> visibleGroups(long securityGroupId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public User updateUser(long userId, String firstname, String lastname, String email, boolean recordable) {
            throw new UnsupportedOperationException();
        }

        @Override
        public User removeLoginString(long userId, String loginString) {
            throw new UnsupportedOperationException();
        }

        @Override
        public User setGroups(long userId, List<Long> groupIds) {
            throw new UnsupportedOperationException();
        }

        @Override
        public User setSecurityGroup(long userId, Long securityGroupId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public User setDisabled(long userId, boolean disabled) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deleteUser(long userId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<Long, Integer> memberCounts() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Group> groupsOf(long userId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<User> members(long groupId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Group updateGroup(long groupId, String name, Long parentId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deleteGroup(long groupId) {
            throw new UnsupportedOperationException();
        }
    };

    @BeforeEach
    void externalDatabase() throws Exception {
        hr = new EmbeddedDataSource();
        hr.setDatabaseName("memory:hr-" + UUID.randomUUID());
        hr.setCreateDatabase("create");
        try (Connection c = hr.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE staff (ext VARCHAR(20), given VARCHAR(40), family VARCHAR(40), team VARCHAR(40), rec CHAR(1))");
            s.execute("INSERT INTO staff VALUES ('5001|sip:ann@pbx', 'Ann', 'Lee', 'Sales', 'Y')");
            s.execute("INSERT INTO staff VALUES ('5002', 'Bob', 'Kay', NULL, 'N')");
            s.execute("INSERT INTO staff VALUES ('5003', 'Local', 'Admin', NULL, 'Y')");
            s.execute("INSERT INTO staff VALUES (NULL, 'No', 'Phone', NULL, 'Y')");
        }
        existing.put("5002", new User(2, "Bob", "Kay", null, true, true, false, false, List.of("5002"), List.of(), null));
        existing.put("5003", new User(3, "Local", "Admin", null, true, false, false, false, List.of("5003"), List.of(), null));
    }

    private ExternalUserSync.Result run(ExternalUserSync.Mapping mapping) throws Exception {
        try (Connection c = hr.getConnection()) {
            return ExternalUserSync.run(c, "SELECT ext, given, family, team, rec FROM staff", mapping, false, directory);
        }
    }

    @Test
    void rowsBecomeExternalUsersAndLocalUsersAreLeftAlone() throws Exception {
        ExternalUserSync.Result result = run(new ExternalUserSync.Mapping("EXT", "given", "family", null, "team", "rec"));
        assertEquals(4, result.rows());
        assertEquals(1, result.added());
        assertEquals(1, result.updated());
        assertEquals(2, result.skipped(), "the row without a login string and the user not marked external");
        UserUpdate ann = imported.get(0);
        assertEquals("5001", ann.loginString());
        assertEquals(List.of("sip:ann@pbx"), ann.extraLoginStrings());
        assertEquals("Sales", ann.groupName());
        assertTrue(ann.external());
        assertEquals(Boolean.FALSE, imported.get(1).recordable());
        assertEquals(Boolean.FALSE, keptLoginStrings);
    }

    @Test
    void aMappingToAMissingColumnSaysWhichColumnsThereAre() {
        TrackException e = assertThrows(TrackException.class,
                () -> run(new ExternalUserSync.Mapping("extension", "given", "family", null, null, null)));
        assertEquals("ERROR_EXTDB_MAPPING", e.returnCode());
        assertTrue(e.getMessage().contains("ext"), e.getMessage());
    }

    @Test
    void driversAreGuessedFromTheUrl() {
        assertEquals("PostgreSQL JDBC Driver", ExternalDatabaseTask.guessDriver("jdbc:postgresql://db/hr"));
        assertEquals("derby", ExternalDatabaseTask.guessDriver("jdbc:derby:memory:hr"));
    }
}
