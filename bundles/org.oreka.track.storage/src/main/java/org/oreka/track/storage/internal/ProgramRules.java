package org.oreka.track.storage.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleSupplier;

import org.oreka.track.storage.Direction;
import org.oreka.track.storage.Program;

/**
 * The active programs, ready to judge recordings: which programs keep a recording, with their per-cycle quotas
 * counted. Used only from the write queue's thread.
 */
final class ProgramRules {

    private final List<Rule> rules;
    private final ZoneId zone;

    /** What a program looks at in a recording. */
    record Facts(Direction direction, long durationSeconds, String localParty, String remoteParty, Long userId,
            Set<Long> groupIds, Long portId, Instant timestamp) {
    }

    /** A program with its quota count. */
    static final class Rule {
        final Program program;
        final Long targetPortId;
        final Set<String> remoteParties;
        int recordedSoFar;
        Instant cycleStart;

        Rule(Program program, Long targetPortId, int recordedSoFar, Instant cycleStart) {
            this.program = program;
            this.targetPortId = targetPortId;
            Set<String> parties = new java.util.HashSet<>(program.remotePartyList());
            if (program.remoteParty() != null && !program.remoteParty().isBlank()) {
                parties.add(program.remoteParty());
            }
            this.remoteParties = Set.copyOf(parties);
            this.recordedSoFar = recordedSoFar;
            this.cycleStart = cycleStart == null ? Instant.EPOCH : cycleStart;
        }
    }

    /**
     * A program kept a recording: its quota count is now {@code recordedSoFar} in the cycle begun at
     * {@code cycleStart}; the previous count is kept to undo it if the recording is not stored after all.
     */
    record Acceptance(Rule rule, int recordedSoFar, Instant cycleStart, int previousSoFar, Instant previousCycleStart) {

        long programId() {
            return rule.program.id();
        }

        int keepForHours() {
            return rule.program.keepForHours();
        }
    }

    ProgramRules(List<Rule> rules, ZoneId zone) {
        this.rules = List.copyOf(rules);
        this.zone = zone;
    }

    /** Whether there is no active program, in which case everything is kept. */
    boolean keepsEverything() {
        return rules.isEmpty();
    }

    /** The programs that keep a recording, with their quota counts advanced; {@link #undo} takes the counts back. */
    List<Acceptance> judge(Facts facts, DoubleSupplier random) {
        List<Acceptance> accepted = new ArrayList<>(2);
        for (Rule rule : rules) {
            Program p = rule.program;
            if (!matches(rule, facts)) {
                continue;
            }
            Instant cycle = cycleStart(p.cycle(), facts.timestamp());
            int soFar = cycle.equals(rule.cycleStart) ? rule.recordedSoFar : 0;
            if (p.recordingsPerCycle() > 0 && soFar >= p.recordingsPerCycle()) {
                continue;
            }
            if (p.randomShare() < 1.0 && random.getAsDouble() >= p.randomShare()) {
                continue;
            }
            accepted.add(new Acceptance(rule, soFar + 1, cycle, rule.recordedSoFar, rule.cycleStart));
            rule.recordedSoFar = soFar + 1;
            rule.cycleStart = cycle;
        }
        return accepted;
    }

    /** Takes back the quota counts of acceptances whose recording was not stored, latest first. */
    static void undo(List<Acceptance> acceptances) {
        for (int i = acceptances.size() - 1; i >= 0; i--) {
            Acceptance a = acceptances.get(i);
            a.rule().recordedSoFar = a.previousSoFar();
            a.rule().cycleStart = a.previousCycleStart();
        }
    }

    private boolean matches(Rule rule, Facts f) {
        Program p = rule.program;
        if (p.direction() != Direction.ALL && p.direction() != f.direction()) {
            return false;
        }
        if (p.minDurationSeconds() > 0 && f.durationSeconds() < p.minDurationSeconds()) {
            return false;
        }
        if (p.maxDurationSeconds() > 0 && f.durationSeconds() > p.maxDurationSeconds()) {
            return false;
        }
        if (p.localParty() != null && !p.localParty().isBlank() && !p.localParty().equals(f.localParty())) {
            return false;
        }
        if (!rule.remoteParties.isEmpty() && !rule.remoteParties.contains(f.remoteParty())) {
            return false;
        }
        if (p.targetUserId() != null && !p.targetUserId().equals(f.userId())) {
            return false;
        }
        if (p.targetGroupId() != null && !f.groupIds().contains(p.targetGroupId())) {
            return false;
        }
        if (p.targetPort() != null && (rule.targetPortId == null || !rule.targetPortId.equals(f.portId()))) {
            return false;
        }
        return inSchedule(p, f.timestamp().atZone(zone));
    }

    private static boolean inSchedule(Program p, ZonedDateTime when) {
        if (p.startDay() != null && p.stopDay() != null
                && !within(when.getDayOfWeek().getValue(), p.startDay().getValue(), p.stopDay().getValue())) {
            return false;
        }
        if (p.startTime() != null && p.stopTime() != null) {
            LocalTime time = when.toLocalTime();
            boolean wraps = p.stopTime().isBefore(p.startTime());
            boolean inside = wraps ? !time.isBefore(p.startTime()) || time.isBefore(p.stopTime())
                    : !time.isBefore(p.startTime()) && time.isBefore(p.stopTime());
            return inside;
        }
        return true;
    }

    /** Whether {@code value} is in the closed range from {@code start} to {@code stop}, wrapping past the end of the week. */
    private static boolean within(int value, int start, int stop) {
        return start <= stop ? value >= start && value <= stop : value >= start || value <= stop;
    }

    private Instant cycleStart(Program.Cycle cycle, Instant when) {
        ZonedDateTime t = when.atZone(zone);
        switch (cycle) {
            case HOURLY:
                return t.truncatedTo(ChronoUnit.HOURS).toInstant();
            case DAILY:
                return t.truncatedTo(ChronoUnit.DAYS).toInstant();
            case WEEKLY:
                return t.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toInstant();
            case MONTHLY:
                return t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).toInstant();
            default:
                return Instant.EPOCH;
        }
    }
}
