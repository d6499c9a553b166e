package org.oreka.track.storage;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

/**
 * A recording program: a rule that keeps the recordings it matches. A recording is kept when any active
 * program matches it (and every recording is kept when there is no active program).
 *
 * @param id its row id (0 for a new program)
 * @param name its name
 * @param active whether it applies
 * @param direction the direction it matches, ALL for any
 * @param minDurationSeconds the shortest recording it matches, 0 for no limit
 * @param maxDurationSeconds the longest recording it matches, 0 for no limit
 * @param randomShare the share of matching recordings it keeps, 0..1
 * @param cycle how often its quota resets: PERMANENT (never), HOURLY, DAILY, WEEKLY, MONTHLY
 * @param startDay with stopDay, the days of the week it applies, or null for every day
 * @param stopDay see startDay
 * @param startTime with stopTime, the time of day it applies, or null for all day
 * @param stopTime see startTime
 * @param recordingsPerCycle how many recordings it keeps per cycle, 0 for no limit
 * @param localParty the local party it matches, or null for any
 * @param remoteParty the remote party it matches, or null for any
 * @param remotePartyList more remote parties it matches (its remote party list)
 * @param keepForHours how long its recordings are kept, 0 for ever
 * @param targetUserId the user whose recordings it matches, or null
 * @param targetGroupId the group whose users' recordings it matches, or null
 * @param targetPort the capture port it matches, or null
 * @param created when it was created
 */
public record Program(long id, String name, boolean active, Direction direction, int minDurationSeconds,
        int maxDurationSeconds, double randomShare, Cycle cycle, DayOfWeek startDay, DayOfWeek stopDay,
        LocalTime startTime, LocalTime stopTime, int recordingsPerCycle, String localParty, String remoteParty,
        List<String> remotePartyList, int keepForHours, Long targetUserId, Long targetGroupId, String targetPort,
        Instant created) {

    public Program {
        remotePartyList = remotePartyList == null ? List.of() : List.copyOf(remotePartyList);
    }

    /** A program that keeps every recording, to start from. */
    public static Program keepAll(String name) {
        return new Program(0, name, true, Direction.ALL, 0, 0, 1.0, Cycle.PERMANENT, null, null, null, null, 0, null,
                null, List.of(), 0, null, null, null, null);
    }

    /** How often a program's quota starts again. */
    public enum Cycle {
        PERMANENT,
        HOURLY,
        DAILY,
        WEEKLY,
        MONTHLY
    }
}
