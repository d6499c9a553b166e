package org.oreka.track.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.oreka.track.storage.Direction;
import org.oreka.track.storage.Program;

class ProgramRulesTest {

    /** A Monday at 10:15 UTC. */
    private static final Instant MONDAY = Instant.parse("2024-01-01T10:15:00Z");

    private static Program program(long id) {
        return new Program(id, "p" + id, true, Direction.ALL, 0, 0, 1.0, Program.Cycle.PERMANENT, null, null, null, null, 0,
                null, null, List.of(), 0, null, null, null, null);
    }

    private static ProgramRules rules(Program... programs) {
        return new ProgramRules(java.util.Arrays.stream(programs).map(p -> new ProgramRules.Rule(p, null, 0, null)).toList(),
                ZoneOffset.UTC);
    }

    private static ProgramRules.Facts facts(Direction direction, long duration, String remote, Instant when) {
        return new ProgramRules.Facts(direction, duration, "1001", remote, 7L, Set.of(3L), null, when);
    }

    private static int kept(ProgramRules rules, ProgramRules.Facts facts) {
        return rules.judge(facts, () -> 0.5).size();
    }

    @Test
    void criteriaMustAllMatch() {
        ProgramRules r = rules(new Program(1, "in, 10-60 s, VIP list", true, Direction.IN, 10, 60, 1.0, Program.Cycle.PERMANENT,
                null, null, null, null, 0, "1001", null, List.of("555", "666"), 0, 7L, 3L, null, null));
        assertEquals(1, kept(r, facts(Direction.IN, 30, "555", MONDAY)));
        assertEquals(0, kept(r, facts(Direction.OUT, 30, "555", MONDAY)));
        assertEquals(0, kept(r, facts(Direction.IN, 9, "555", MONDAY)), "durations are seconds, not milliseconds");
        assertEquals(0, kept(r, facts(Direction.IN, 61, "555", MONDAY)));
        assertEquals(0, kept(r, facts(Direction.IN, 30, "777", MONDAY)));
        assertEquals(1, kept(rules(program(2)), facts(Direction.UNKN, 0, "", MONDAY)), "an empty program keeps anything");
    }

    @Test
    void schedulesWrapPastMidnightAndTheEndOfTheWeek() {
        ProgramRules nights = rules(new Program(1, "nights", true, Direction.ALL, 0, 0, 1.0, Program.Cycle.DAILY, null, null,
                LocalTime.of(22, 0), LocalTime.of(6, 0), 0, null, null, List.of(), 0, null, null, null, null));
        assertEquals(0, kept(nights, facts(Direction.IN, 5, "1", MONDAY)));
        assertEquals(1, kept(nights, facts(Direction.IN, 5, "1", Instant.parse("2024-01-01T23:30:00Z"))));
        assertEquals(1, kept(nights, facts(Direction.IN, 5, "1", Instant.parse("2024-01-02T05:59:00Z"))));
        ProgramRules weekend = rules(new Program(2, "fri-mon", true, Direction.ALL, 0, 0, 1.0, Program.Cycle.WEEKLY,
                DayOfWeek.FRIDAY, DayOfWeek.MONDAY, null, null, 0, null, null, List.of(), 0, null, null, null, null));
        assertEquals(1, kept(weekend, facts(Direction.IN, 5, "1", MONDAY)));
        assertEquals(0, kept(weekend, facts(Direction.IN, 5, "1", MONDAY.plusSeconds(86400))));
    }

    @Test
    void quotasCountPerCycleAndStartAgainWithTheNextOne() {
        ProgramRules r = rules(new Program(1, "two an hour", true, Direction.ALL, 0, 0, 1.0, Program.Cycle.HOURLY, null, null,
                null, null, 2, null, null, List.of(), 0, null, null, null, null));
        assertEquals(1, kept(r, facts(Direction.IN, 5, "1", MONDAY)));
        assertEquals(1, kept(r, facts(Direction.IN, 5, "1", MONDAY.plusSeconds(60))));
        assertEquals(0, kept(r, facts(Direction.IN, 5, "1", MONDAY.plusSeconds(120))), "the third in the hour is not kept");
        var next = r.judge(facts(Direction.IN, 5, "1", MONDAY.plusSeconds(3600)), () -> 0.5);
        assertEquals(1, next.size());
        assertEquals(1, next.get(0).recordedSoFar());
        ProgramRules.undo(next);
        assertEquals(1, kept(r, facts(Direction.IN, 5, "1", MONDAY.plusSeconds(3601))), "an undone count is free again");
        assertEquals(1, kept(r, facts(Direction.IN, 5, "1", MONDAY.plusSeconds(3602))));
        assertEquals(0, kept(r, facts(Direction.IN, 5, "1", MONDAY.plusSeconds(3603))));
    }

    @Test
    void aRandomShareKeepsThatShare() {
        ProgramRules r = rules(new Program(1, "a tenth", true, Direction.ALL, 0, 0, 0.1, Program.Cycle.PERMANENT, null, null,
                null, null, 0, null, null, List.of(), 0, null, null, null, null));
        java.util.Random random = new java.util.Random(42);
        int kept = 0;
        for (int i = 0; i < 10_000; i++) {
            kept += r.judge(facts(Direction.IN, 5, "1", MONDAY), random::nextDouble).size();
        }
        assertTrue(kept > 900 && kept < 1100, "kept " + kept + " of 10000");
        assertTrue(rules().keepsEverything());
    }
}
