package org.oreka.web.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.oreka.track.storage.Direction;
import org.oreka.track.storage.Program;

/** The program form: every criterion parsed, every bad value a message, and a program back into the same fields. */
class ProgramFormTest {

    private static final Map<String, Long> LOGINS = Map.of("5001", 7L);

    private static ProgramForm parse(Map<String, String> fields) {
        return ProgramForm.parse(0, fields::get, login -> Optional.ofNullable(LOGINS.get(login)));
    }

    /** Form fields from name, value pairs. */
    static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    @Test
    void everyCriterionIsRead() {
        ProgramForm form = parse(fields("name", " Sales QA ", "active", "true", "direction", "IN", "mindur", "30",
                "maxdur", "600", "percent", "12.5", "cycle", "weekly", "recpercycle", "20", "startday", "MONDAY",
                "stopday", "FRIDAY", "starttime", "9:00", "stoptime", "17:30", "localparty", "5001", "remoteparty", "18005551234",
                "remoteparties", "5145550000\r\n5145550001, 5145550000", "keephours", "720", "targetuser", "5001",
                "targetgroup", "3", "targetport", "rec1-port7"));
        assertEquals(List.of(), form.errors);
        Program p = form.program;
        assertEquals("Sales QA", p.name());
        assertTrue(p.active());
        assertEquals(Direction.IN, p.direction());
        assertEquals(30, p.minDurationSeconds());
        assertEquals(600, p.maxDurationSeconds());
        assertEquals(0.125, p.randomShare(), 1e-9);
        assertEquals(Program.Cycle.WEEKLY, p.cycle());
        assertEquals(20, p.recordingsPerCycle());
        assertEquals(DayOfWeek.MONDAY, p.startDay());
        assertEquals(DayOfWeek.FRIDAY, p.stopDay());
        assertEquals(LocalTime.of(9, 0), p.startTime());
        assertEquals(LocalTime.of(17, 30), p.stopTime());
        assertEquals("5001", p.localParty());
        assertEquals("18005551234", p.remoteParty());
        assertEquals(List.of("5145550000", "5145550001"), p.remotePartyList());
        assertEquals(720, p.keepForHours());
        assertEquals(7L, p.targetUserId());
        assertEquals(3L, p.targetGroupId());
        assertEquals("rec1-port7", p.targetPort());
    }

    @Test
    void blankFieldsMeanNoLimitAndAnUncheckedBoxIsInactive() {
        ProgramForm form = parse(fields("name", "Everything"));
        assertEquals(List.of(), form.errors);
        Program p = form.program;
        assertFalse(p.active());
        assertEquals(Direction.ALL, p.direction());
        assertEquals(0, p.minDurationSeconds());
        assertEquals(0, p.maxDurationSeconds());
        assertEquals(1.0, p.randomShare());
        assertEquals(Program.Cycle.PERMANENT, p.cycle());
        assertNull(p.startDay());
        assertNull(p.startTime());
        assertNull(p.localParty());
        assertNull(p.targetUserId());
        assertNull(p.targetGroupId());
        assertNull(p.targetPort());
        assertEquals(List.of(), p.remotePartyList());
    }

    @Test
    void everyBadFieldIsOneClearMessageAndNoProgram() {
        ProgramForm form = parse(fields("name", "", "direction", "sideways", "mindur", "-5", "maxdur", "ten", "percent", "150",
                "cycle", "yearly", "recpercycle", "1.5", "startday", "MONDAY", "starttime", "25:00", "stoptime", "17:00",
                "localparty", "50 01", "keephours", "x", "targetuser", "9999", "targetgroup", "sales"));
        assertNull(form.program);
        List<String> e = form.errors;
        assertTrue(e.contains("A program needs a name"), e.toString());
        assertTrue(e.contains("Direction is one of any, incoming, outgoing"), e.toString());
        assertTrue(e.contains("Minimum duration is a whole number, 0 or more (0: no limit); '-5' is not"), e.toString());
        assertTrue(e.contains("Maximum duration is a whole number, 0 or more (0: no limit); 'ten' is not"), e.toString());
        assertTrue(e.contains("Random share is a percentage from 0 to 100; '150' is not"), e.toString());
        assertTrue(e.contains("Cycle is one of PERMANENT, HOURLY, DAILY, WEEKLY, MONTHLY"), e.toString());
        assertTrue(e.contains("Recordings per cycle is a whole number, 0 or more (0: no limit); '1.5' is not"), e.toString());
        assertTrue(e.contains("Give both days of the week (from and to), or neither for every day"), e.toString());
        assertTrue(e.contains("Start time is a time of day as HH:mm (09:00, 17:30); '25:00' is not"), e.toString());
        assertTrue(e.contains("Local party is one party, without spaces (at most 255 characters)"), e.toString());
        assertTrue(e.contains("Keep for hours is a whole number, 0 or more (0: no limit); 'x' is not"), e.toString());
        assertTrue(e.contains("No user has the login string '9999' (target user)"), e.toString());
        assertTrue(e.contains("Target group is not a group"), e.toString());
        assertEquals("sideways", form.values.get("direction"), "the form shows what was typed");
    }

    @Test
    void contradictoryLimitsAreRefused() {
        assertEquals(List.of("The maximum duration (10 s) is shorter than the minimum (60 s)"),
                parse(fields("name", "x", "mindur", "60", "maxdur", "10")).errors);
        assertEquals(List.of("The start and stop times are the same: the program would never apply"),
                parse(fields("name", "x", "starttime", "09:00", "stoptime", "09:00")).errors);
        assertEquals(List.of("Give both times of day (from and to), or neither for the whole day"),
                parse(fields("name", "x", "stoptime", "09:00")).errors);
    }

    @Test
    void aProgramGoesBackIntoTheSameFields() {
        Program p = new Program(4, "Night shift", true, Direction.OUT, 10, 0, 0.5, Program.Cycle.DAILY, DayOfWeek.SATURDAY,
                DayOfWeek.SUNDAY, LocalTime.of(22, 0), LocalTime.of(6, 0), 5, null, "555", List.of("556", "557"), 48, 7L, 3L,
                "port9", null);
        Map<String, String> values = ProgramForm.values(p, id -> id == 7L ? "5001" : "?");
        ProgramForm again = ProgramForm.parse(4, values::get, login -> Optional.ofNullable(LOGINS.get(login)));
        assertEquals(List.of(), again.errors);
        assertNotNull(again.program);
        assertEquals(p, again.program);
        assertEquals("50", values.get("percent"));
        assertEquals("12.5", ProgramForm.percentText(0.125));
        assertEquals("100", ProgramForm.percentText(1.0));
    }
}
