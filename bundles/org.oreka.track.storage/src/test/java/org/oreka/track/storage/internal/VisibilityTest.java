package org.oreka.track.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oreka.track.storage.Direction;
import org.oreka.track.storage.Group;
import org.oreka.track.storage.Segment;
import org.oreka.track.storage.SegmentQuery;
import org.oreka.track.storage.TagEntry;
import org.oreka.track.storage.TrackException;
import org.oreka.track.storage.UserUpdate;
import org.oreka.track.storage.Visibility;

/**
 * Who sees which recordings: a user their own, plus the members of the regular groups (and sub-groups) their security
 * group may see; administrators everything; and the search filters by it in SQL.
 */
class VisibilityTest {

    private static final Instant T0 = Instant.parse("2024-01-01T10:15:00Z");

    private TrackFixture track;
    private long ann;
    private long bob;
    private long cat;
    private long dan;
    private Group sales;
    private Group salesEast;
    private Group support;
    private Group supervisors;

    @BeforeEach
    void open() throws Exception {
        track = new TrackFixture();
        sales = track.users.createGroup("Sales", false, null);
        salesEast = track.users.createGroup("Sales East", false, sales.id());
        support = track.users.createGroup("Support", false, null);
        supervisors = track.users.createGroup("Sales supervisors", true, null);
        ann = user("5001", "Sales", "Sales supervisors");
        bob = user("5002", "Sales East", null);
        cat = user("5003", "Support", null);
        dan = user("5004", "Sales", null);
        track.call("20240101_101500_ANN1", T0, 30, "5001", "555100", Direction.OUT);
        track.call("20240101_101600_BOB1", T0.plusSeconds(60), 40, "5002", "555200", Direction.IN);
        track.call("20240101_101700_CAT1", T0.plusSeconds(120), 50, "5003", "555300", Direction.IN);
        track.call("20240101_101800_DAN1", T0.plusSeconds(180), 60, "5004", "555400", Direction.OUT);
        track.call("20240101_101900_NONE", T0.plusSeconds(240), 70, "7777", "555500", Direction.IN);
    }

    @AfterEach
    void close() {
        track.close();
    }

    private long user(String loginString, String group, String securityGroup) {
        return track.users.save(new UserUpdate(loginString, "First" + loginString, "Last", null, null, null, group,
                securityGroup, null)).id();
    }

    private List<String> visibleOrkuids(Visibility visibility) {
        return track.search.search(new SegmentQuery(null, null, null, null, null, null, null, null, null,
                SegmentQuery.Sort.OLDEST_FIRST, 0, 100, null, null, null, visibility)).segments().stream()
                .map(Segment::orkuid).toList();
    }

    @Test
    void aUserWithoutASecurityGroupSeesOnlyTheirOwnRecordings() {
        assertEquals(Set.of(cat), track.users.visibility(cat).userIds());
        assertEquals(List.of("20240101_101700_CAT1"), visibleOrkuids(track.users.visibility(cat)));
    }

    @Test
    void aSecurityGroupSeesTheMembersOfItsGroupsAndTheirSubGroups() {
        assertEquals(List.of("20240101_101500_ANN1"), visibleOrkuids(track.users.visibility(ann)),
                "a security group that may see no group adds nothing");
        track.users.setVisibleGroups(supervisors.id(), List.of(sales.id()));
        assertEquals(List.of(sales), track.users.visibleGroups(supervisors.id()));
        assertEquals(Set.of(ann, bob, dan), track.users.visibility(ann).userIds(), "Sales East is a sub-group of Sales");
        assertEquals(List.of("20240101_101500_ANN1", "20240101_101600_BOB1", "20240101_101800_DAN1"),
                visibleOrkuids(track.users.visibility(ann)));
        track.users.setVisibleGroups(supervisors.id(), List.of(support.id()));
        assertEquals(List.of("20240101_101500_ANN1", "20240101_101700_CAT1"), visibleOrkuids(track.users.visibility(ann)),
                "the groups are replaced");
    }

    @Test
    void anAdministratorSeesEverythingIncludingRecordingsOfNoUser() {
        track.users.setAdmin(dan, true);
        assertEquals(5, visibleOrkuids(track.users.visibility(dan)).size());
        assertEquals(5, visibleOrkuids(Visibility.ALL).size());
    }

    @Test
    void visibilityCombinesWithTheOtherCriteriaAndAnEmptyViewSeesNothing() {
        track.users.setVisibleGroups(supervisors.id(), List.of(sales.id()));
        Visibility annSees = track.users.visibility(ann);
        assertEquals(List.of("20240101_101600_BOB1"), track.search.search(new SegmentQuery(T0, T0.plusSeconds(3600), "500", null,
                35, null, Direction.IN, null, null, null, 0, 10, null, null, null, annSees)).segments().stream()
                .map(Segment::orkuid).toList());
        assertEquals(List.of("20240101_101600_BOB1"), track.search.search(new SegmentQuery(null, null, null, null, null, null,
                null, null, null, null, 0, 10, salesEast.id(), null, null, annSees)).segments().stream()
                .map(Segment::orkuid).toList(), "the group criterion");
        assertEquals(List.of(), visibleOrkuids(new Visibility(false, Set.of())));
        assertThrows(TrackException.class, () -> new SegmentQuery(null, null, null, null, null, null, null, null, null, null,
                0, 10, null, null, null, null), "a search always says whose segments may be seen");
    }

    @Test
    void aLargeSecurityGroupStillSearches() {
        Set<Long> many = new java.util.HashSet<>();
        for (long id = 1_000_000; id < 1_005_000; id++) {
            many.add(id);
        }
        many.add(bob);
        assertEquals(List.of("20240101_101600_BOB1"), visibleOrkuids(new Visibility(false, many)),
                "five thousand visible users in one IN list");
    }

    @Test
    void tagCriteriaAndSortOrdersWork() {
        track.recordings.tagRecording("20240101_101600_BOB1", List.of(new TagEntry("Monitored", "test-1", null)));
        track.recordings.tagRecording("20240101_101800_DAN1", List.of(new TagEntry("Monitored", "other", null)));
        assertEquals(List.of("20240101_101600_BOB1"), track.search.search(new SegmentQuery(null, null, null, null, null, null,
                null, null, null, null, 0, 10, null, "Monitored", "test", Visibility.ALL)).segments().stream()
                .map(Segment::orkuid).toList(), "the tag text is a prefix");
        assertEquals(2, track.search.search(new SegmentQuery(null, null, null, null, null, null, null, null, null, null, 0, 10,
                null, "Monitored", null, Visibility.ALL)).segments().size());
        assertEquals(List.of("555500", "555400", "555300", "555200", "555100"), track.search.search(new SegmentQuery(null, null,
                null, null, null, null, null, null, null, SegmentQuery.Sort.REMOTE_PARTY_DESC, 0, 10)).segments().stream()
                .map(Segment::remoteParty).toList());
        assertEquals("7777", track.search.search(new SegmentQuery(null, null, null, null, null, null, null, null, null,
                SegmentQuery.Sort.LOCAL_PARTY_DESC, 0, 1)).segments().get(0).localParty());
    }

    @Test
    void aFileFindsItsSegmentsAndAnIdItsSegment() {
        List<Segment> ofFile = track.search.ofFile("2024/01/01/10/20240101_101600_BOB1.wav");
        assertEquals(1, ofFile.size());
        assertEquals(bob, ofFile.get(0).userId());
        assertEquals(ofFile.get(0), track.search.byId(ofFile.get(0).id()).orElseThrow());
        assertEquals(List.of(), track.search.ofFile("2024/01/01/10/nothing.wav"));
    }

    @Test
    void theUserListHasEveryUserWithLoginStringsGroupsAndSecurityGroup() {
        track.users.addLoginStrings("5001", List.of("ann@pbx"));
        List<org.oreka.track.storage.User> users = track.users.users();
        assertEquals(4, users.size());
        org.oreka.track.storage.User annUser = users.stream().filter(u -> u.id() == ann).findFirst().orElseThrow();
        assertEquals(List.of("5001", "ann@pbx"), annUser.loginStrings());
        assertEquals(List.of("Sales"), annUser.groups());
        assertEquals("Sales supervisors", annUser.securityGroup());
        assertEquals(track.users.byId(ann).orElseThrow(), annUser, "the same user as a single lookup gives");
        assertEquals(List.of("Sales East"), users.stream().filter(u -> u.id() == bob).findFirst().orElseThrow().groups());
    }

    @Test
    void onlySecurityGroupsGetVisibleGroupsAndOnlyRegularGroupsAreGiven() {
        assertThrows(TrackException.class, () -> track.users.setVisibleGroups(sales.id(), List.of(support.id())));
        assertThrows(TrackException.class, () -> track.users.setVisibleGroups(supervisors.id(), List.of(supervisors.id())));
    }
}
