package org.oreka.track.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oreka.track.storage.Direction;
import org.oreka.track.storage.Group;
import org.oreka.track.storage.LoginResult;
import org.oreka.track.storage.Program;
import org.oreka.track.storage.TagEntry;
import org.oreka.track.storage.Tags.TagType;
import org.oreka.track.storage.TrackException;
import org.oreka.track.storage.User;
import org.oreka.track.storage.UserUpdate;
import org.oreka.track.storage.Workstation;
import org.oreka.track.storage.internal.entity.UserEntity;

/** What OrkWeb's administration pages change: users, groups, tag types and workstations. */
class AdministrationTest {

    private static final Instant T0 = Instant.parse("2024-01-01T10:15:00Z");

    private TrackFixture track;
    private User ann;

    @BeforeEach
    void open() throws Exception {
        track = new TrackFixture();
        ann = track.users.save(new UserUpdate("5001", "Ann", "Lee", null, null, null, null, null, List.of("ann@pbx")));
    }

    @AfterEach
    void close() {
        track.close();
    }

    private static String code(Runnable call) {
        return assertThrows(TrackException.class, call::run).returnCode();
    }

    @Test
    void namesEmailAndRecordableAreChangedAndTheDirectoryFollows() {
        User changed = track.users.updateUser(ann.id(), " Anne ", "Leigh", "anne@example.com", false);
        assertEquals("Anne", changed.firstname());
        assertEquals("Leigh", changed.lastname());
        assertEquals("anne@example.com", changed.email());
        assertFalse(changed.recordable());
        assertFalse(track.directory.get().flags(ann.id()).recordable());
        assertNull(track.users.updateUser(ann.id(), "Anne", "Leigh", " ", true).email());
        assertEquals("ERROR_NO_USER_FOUND", code(() -> track.users.updateUser(999_999, "a", "b", null, true)));
        assertEquals("ERROR_SAVING_USER", code(() -> track.users.updateUser(ann.id(), "A".repeat(256), "b", null, true)));
    }

    @Test
    void aLoginStringIsRemovedButNeverTheLastOne() {
        User left = track.users.removeLoginString(ann.id(), "ann@pbx");
        assertEquals(List.of("5001"), left.loginStrings());
        assertTrue(track.users.byLoginString("ann@pbx").isEmpty());
        assertEquals("ERROR_LAST_LOGINSTRING", code(() -> track.users.removeLoginString(ann.id(), "5001")));
        User bob = track.users.save(new UserUpdate("5002", "Bob", "Ray", null, null, null, null, null, null));
        assertEquals("ERROR_LOGINSTRING_NOT_FOUND", code(() -> track.users.removeLoginString(bob.id(), "5001")));
        assertEquals(List.of("5001"), track.users.byId(ann.id()).orElseThrow().loginStrings());
    }

    @Test
    void regularAndSecurityGroupsAreSetByIdAndListTheirMembers() {
        Group sales = track.users.createGroup("Sales", false, null);
        Group support = track.users.createGroup("Support", false, null);
        Group supervisors = track.users.createGroup("Supervisors", true, null);
        User saved = track.users.setGroups(ann.id(), List.of(sales.id(), support.id()));
        assertEquals(List.of("Sales", "Support"), saved.groups());
        assertEquals(List.of("Support"), track.users.setGroups(ann.id(), List.of(support.id())).groups());
        assertEquals(List.of(support), track.users.groupsOf(ann.id()));
        assertEquals(Boolean.TRUE, track.directory.get().groupsOf(ann.id()).contains(support.id()));
        assertEquals("ERROR_GROUP_NOT_FOUND", code(() -> track.users.setGroups(ann.id(), List.of(supervisors.id()))));
        assertEquals("Supervisors", track.users.setSecurityGroup(ann.id(), supervisors.id()).securityGroup());
        assertEquals("ERROR_GROUP_NOT_FOUND", code(() -> track.users.setSecurityGroup(ann.id(), sales.id())));
        assertEquals(List.of(ann.id()), track.users.members(support.id()).stream().map(User::id).toList());
        assertEquals(List.of(ann.id()), track.users.members(supervisors.id()).stream().map(User::id).toList());
        assertEquals(List.of(), track.users.members(sales.id()));
        assertEquals(java.util.Map.of(support.id(), 1, supervisors.id(), 1), track.users.memberCounts());
        assertEquals(track.users.byId(ann.id()).orElseThrow(), track.users.users().get(0));
        assertNull(track.users.setSecurityGroup(ann.id(), null).securityGroup());
    }

    @Test
    void aDisabledUserCannotLogInUntilEnabledAgain() {
        track.users.setPassword(ann.id(), "s3cret-pass".toCharArray());
        assertTrue(track.users.setDisabled(ann.id(), true).disabled());
        assertTrue(track.query(em -> em.find(UserEntity.class, ann.id()).dateDisabled) != null);
        assertEquals(LoginResult.Outcome.INVALID, track.users.login("5001", "s3cret-pass".toCharArray()).outcome());
        assertFalse(track.directory.get().flags(ann.id()).active());
        assertFalse(track.users.setDisabled(ann.id(), false).disabled());
        assertTrue(track.users.login("5001", "s3cret-pass".toCharArray()).success());
    }

    @Test
    void aDeletedUserStaysAsARowMarkedDeletedAndLosesEverything() {
        track.users.setPassword(ann.id(), "s3cret-pass".toCharArray());
        track.users.setAdmin(ann.id(), true);
        track.users.deleteUser(ann.id());
        UserEntity row = track.query(em -> em.find(UserEntity.class, ann.id()));
        assertTrue(row.deleted);
        assertTrue(row.dateDeleted != null);
        assertFalse(row.admin);
        assertTrue(track.users.users().stream().noneMatch(u -> u.id() == ann.id()));
        assertEquals(LoginResult.Outcome.INVALID, track.users.login("5001", "s3cret-pass".toCharArray()).outcome());
        assertEquals("ERROR_NO_USER_FOUND", code(() -> track.users.deleteUser(999_999)));
    }

    @Test
    void aGroupIsRenamedAndNestedButNeverInsideItself() {
        Group sales = track.users.createGroup("Sales", false, null);
        Group east = track.users.createGroup("East", false, sales.id());
        Group north = track.users.createGroup("North", false, east.id());
        Group renamed = track.users.updateGroup(sales.id(), "Sales EMEA", null);
        assertEquals("Sales EMEA", renamed.name());
        assertEquals("ERROR_SAVING_GROUP", code(() -> track.users.updateGroup(sales.id(), "Sales", north.id())));
        assertEquals("ERROR_SAVING_GROUP", code(() -> track.users.updateGroup(sales.id(), "Sales", sales.id())));
        assertEquals("ERROR_SAVING_GROUP", code(() -> track.users.updateGroup(sales.id(), " ", null)));
        assertEquals("ERROR_GROUP_NOT_FOUND", code(() -> track.users.updateGroup(sales.id(), "Sales", 999_999L)));
        assertEquals("ERROR_SAVING_GROUP", code(() -> track.users.updateGroup(sales.id(), "S".repeat(256), null)));
        assertEquals("ERROR_SAVING_GROUP", code(() -> track.users.createGroup("S".repeat(256), false, null)));
        assertEquals("ERROR_GROUP_NOT_FOUND", code(() -> track.users.createGroup("Orphan", false, 999_999L)));
        assertEquals(sales.id(), track.users.updateGroup(north.id(), "North", sales.id()).parentId());
    }

    @Test
    void deletingAGroupByIdMovesItsSubGroupsUpAndFreesItsUsersAndPrograms() {
        Group sales = track.users.createGroup("Sales", false, null);
        Group east = track.users.createGroup("East", false, sales.id());
        Group north = track.users.createGroup("North", false, east.id());
        Group supervisors = track.users.createGroup("Supervisors", true, null);
        track.users.setGroups(ann.id(), List.of(east.id()));
        track.users.setSecurityGroup(ann.id(), supervisors.id());
        track.users.setVisibleGroups(supervisors.id(), List.of(east.id()));
        Program program = track.programs.save(new Program(0, "East calls", true, Direction.ALL, 0, 0, 1.0,
                Program.Cycle.PERMANENT, null, null, null, null, 0, null, null, List.of(), 0, null, east.id(), null, null));

        track.users.deleteGroup(east.id());
        assertEquals(sales.id(), track.users.groups().stream().filter(g -> g.id() == north.id()).findFirst().orElseThrow().parentId());
        assertEquals(List.of(), track.users.byId(ann.id()).orElseThrow().groups());
        assertEquals(List.of(), track.users.visibleGroups(supervisors.id()));
        assertNull(track.programs.all().stream().filter(p -> p.id() == program.id()).findFirst().orElseThrow().targetGroupId());

        track.users.deleteGroup(supervisors.id());
        assertNull(track.users.byId(ann.id()).orElseThrow().securityGroup());
        assertEquals(List.of("North", "Sales"), track.users.groups().stream().map(Group::name).toList());
        assertEquals("ERROR_GROUP_NOT_FOUND", code(() -> track.users.deleteGroup(east.id())));
    }

    @Test
    void tagTypesAreCreatedRenamedAndDeletedWhileNoTagUsesThem() {
        track.call("20240101_101500_ADM1", T0, 30, "5001", "555", Direction.IN);
        track.recordings.tagRecording("20240101_101500_ADM1", List.of(new TagEntry("Outcome", "sale", null)));
        TagType created = track.recordings.createTagType(" Complaint ");
        assertEquals("Complaint", created.name());
        assertEquals("ERROR_SAVING_TAGTYPE", code(() -> track.recordings.createTagType("Outcome")));
        assertEquals("ERROR_SAVING_TAGTYPE", code(() -> track.recordings.createTagType("")));
        assertEquals("ERROR_SAVING_TAGTYPE", code(() -> track.recordings.createTagType("T".repeat(256))));
        TagType outcome = type("Outcome");
        assertEquals(1, outcome.tagCount());

        track.recordings.renameTagType(outcome.id(), "Result");
        assertEquals(List.of(new TagEntry("Result", "sale", null)), track.recordings.tagsOf("20240101_101500_ADM1"));
        // The writer's cache of names must not send a tag of the old name to the renamed type.
        track.recordings.tagRecording("20240101_101500_ADM1", List.of(new TagEntry("Outcome", "lost", null)));
        assertEquals(1, type("Outcome").tagCount());
        assertEquals(1, type("Result").tagCount());

        assertEquals("ERROR_TAGTYPE_IN_USE", code(() -> track.recordings.deleteTagType(type("Result").id())));
        track.recordings.deleteTagType(created.id());
        assertTrue(track.recordings.tagTypes().stream().noneMatch(t -> t.name().equals("Complaint")));
        assertEquals("ERROR_TAGTYPE_NOT_FOUND", code(() -> track.recordings.deleteTagType(created.id())));
    }

    @Test
    void theRecordersDtmfTagTypeCannotBeRenamedOrDeleted() {
        track.call("20240101_101500_ADM2", T0, 30, "5001", "555", Direction.IN);
        track.recordings.tagRecording("20240101_101500_ADM2", List.of(new TagEntry("dtmfdigit", "5", 1000L)));
        TagType dtmf = type("dtmfdigit");
        assertTrue(dtmf.system());
        assertEquals("ERROR_SAVING_TAGTYPE", code(() -> track.recordings.renameTagType(dtmf.id(), "digits")));
        assertEquals("ERROR_TAGTYPE_IN_USE", code(() -> track.recordings.deleteTagType(dtmf.id())));
    }

    private TagType type(String name) {
        return track.recordings.tagTypes().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aWorkstationIsListedAndDeletedOnceNoAgentIsLoggedInAtIt() {
        Workstation home = track.agents.saveWorkstation("Home PC", "HomePC", 5901);
        track.agents.saveWorkstation("Desk 2", "10.0.0.22", 0);
        assertEquals(List.of("Desk 2", "Home PC"), track.agents.workstations().stream().map(Workstation::name).toList());
        assertEquals(5900, track.agents.workstations().get(0).rfbPort());
        assertEquals("ERROR_INVALID_PARAMETER", code(() -> track.agents.saveWorkstation("x", "h".repeat(256), 5900)));
        track.agents.login("5000", null, null, "HomePC", null);
        assertEquals("ERROR_WORKSTATION_IN_USE", code(() -> track.agents.deleteWorkstation(home.id())));
        track.agents.logout("5000", null, "HomePC", null);
        track.agents.deleteWorkstation(home.id());
        assertEquals(List.of("Desk 2"), track.agents.workstations().stream().map(Workstation::name).toList());
        assertEquals("ERROR_WORKSTATION_NOT_FOUND", code(() -> track.agents.deleteWorkstation(home.id())));
    }
}
