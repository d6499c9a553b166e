package org.oreka.web.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.oreka.track.storage.Group;
import org.oreka.track.storage.User;

/** The pages' HTML pieces escape what users typed; group paths and user names as the lists show them. */
class AdminPageTest {

    private static final String HOSTILE = "\"><script>alert('x')</script>";

    @Test
    void fieldsEscapeTheirValuesAndLabels() {
        String input = AdminPage.input(HOSTILE, "name", HOSTILE, "required");
        assertFalse(input.contains("<script>"), input);
        assertTrue(input.contains("value=\"&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\""), input);
        assertEquals("<input type=\"hidden\" name=\"id\" value=\"&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\">",
                AdminPage.hidden("id", HOSTILE));
        assertFalse(AdminPage.checkbox(HOSTILE, "active", true).contains("<script>"));
        String select = AdminPage.select("Group", "group", List.of(Map.entry("1", HOSTILE), Map.entry(HOSTILE, "b")), HOSTILE);
        assertFalse(select.contains("<script>"), select);
        assertTrue(select.contains("<option value=\"&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\" selected>b"), select);
    }

    @Test
    void idsAreWholeNumbersOrMinusOne() {
        assertEquals(42, AdminPage.parseId(" 42 "));
        assertEquals(-1, AdminPage.parseId("-3"));
        assertEquals(-1, AdminPage.parseId("new"));
        assertEquals(-1, AdminPage.parseId("99999999999999999999"));
    }

    @Test
    void aGroupIsNamedAfterItsParentsAndALoopInOldDataEndsTheName() {
        Group sales = new Group(1, "Sales", false, null);
        Group emea = new Group(2, "EMEA", false, 1L);
        Group paris = new Group(3, "Paris", false, 2L);
        Group orphan = new Group(4, "Orphan", false, 99L);
        assertEquals("Sales / EMEA / Paris", GroupsServlet.path(paris, List.of(sales, emea, paris, orphan)));
        assertEquals("Orphan", GroupsServlet.path(orphan, List.of(sales, emea, paris, orphan)));
        Group a = new Group(5, "A", false, 6L);
        Group b = new Group(6, "B", false, 5L);
        assertTrue(GroupsServlet.path(a, List.of(a, b)).endsWith("B / A"));
    }

    @Test
    void usersAreFoundByNameLoginStringOrEmailAndNamedByTheirLoginWithoutAName() {
        User ann = new User(1, "Ann", "Lee", "ann@example.com", true, false, false, false, List.of("5001", "sip:ann@pbx"),
                List.of(), null);
        assertTrue(UsersServlet.matches(ann, "ann lee"));
        assertTrue(UsersServlet.matches(ann, "sip:ann"));
        assertTrue(UsersServlet.matches(ann, "example.com"));
        assertFalse(UsersServlet.matches(ann, "bob"));
        assertEquals("Ann Lee", UsersServlet.displayName(ann));
        User nameless = new User(2, "", "", null, true, false, false, false, List.of("5002"), List.of(), null);
        assertEquals("5002", UsersServlet.displayName(nameless));
    }
}
