package org.oreka.web.admin.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.oreka.track.storage.Direction;
import org.oreka.track.storage.Program;

/**
 * The program form: every criterion of a {@link Program} as the form's fields carry it, checked (each bad field is
 * one message saying what is expected), and turned into a program; and a program turned back into the fields.
 * Durations are in seconds, the random share in percent, times of day {@code HH:mm} in the server's time zone.
 */
final class ProgramForm {

    /** The form's fields. */
    static final List<String> FIELDS = List.of("name", "active", "direction", "mindur", "maxdur", "percent", "cycle",
            "recpercycle", "startday", "stopday", "starttime", "stoptime", "localparty", "remoteparty", "remoteparties",
            "keephours", "targetuser", "targetgroup", "targetport");
    private static final Pattern PARTY = Pattern.compile("\\S{1,255}");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[\\s,;]+");
    private static final int MAX_LIST = 10_000;

    /** The fields as typed (trimmed), to show the form again. */
    final Map<String, String> values = new LinkedHashMap<>();
    /** What is wrong, one message per problem. */
    final List<String> errors = new ArrayList<>();
    /** The program, when there is no error. */
    Program program;

    private ProgramForm() {
    }

    /**
     * Reads the form.
     *
     * @param id the program's id, 0 for a new one
     * @param param the request's parameters
     * @param userOfLoginString the id of the user with a login string, for the target user
     */
    static ProgramForm parse(long id, Function<String, String> param, Function<String, Optional<Long>> userOfLoginString) {
        ProgramForm form = new ProgramForm();
        for (String field : FIELDS) {
            form.values.put(field, Objects.requireNonNullElse(param.apply(field), "").trim());
        }
        form.program = form.check(id, userOfLoginString);
        return form.errors.isEmpty() ? form : form.withoutProgram();
    }

    private ProgramForm withoutProgram() {
        program = null;
        return this;
    }

    private Program check(long id, Function<String, Optional<Long>> userOfLoginString) {
        String name = values.get("name");
        if (name.isEmpty()) {
            errors.add("A program needs a name");
        } else if (name.length() > 255) {
            errors.add("A program's name has at most 255 characters");
        }
        Direction direction = switch (values.get("direction")) {
            case "", "ALL" -> Direction.ALL;
            case "IN" -> Direction.IN;
            case "OUT" -> Direction.OUT;
            default -> {
                errors.add("Direction is one of any, incoming, outgoing");
                yield Direction.ALL;
            }
        };
        int min = count("mindur", "Minimum duration", 0);
        int max = count("maxdur", "Maximum duration", 0);
        if (min > 0 && max > 0 && max < min) {
            errors.add("The maximum duration (" + max + " s) is shorter than the minimum (" + min + " s)");
        }
        double share = percent();
        Program.Cycle cycle = enumValue("cycle", Program.Cycle.class, Program.Cycle.PERMANENT,
                "Cycle is one of PERMANENT, HOURLY, DAILY, WEEKLY, MONTHLY");
        int perCycle = count("recpercycle", "Recordings per cycle", 0);
        DayOfWeek startDay = enumValue("startday", DayOfWeek.class, null, "Start day is a day of the week");
        DayOfWeek stopDay = enumValue("stopday", DayOfWeek.class, null, "Stop day is a day of the week");
        if ((startDay == null) != (stopDay == null)) {
            errors.add("Give both days of the week (from and to), or neither for every day");
        }
        LocalTime startTime = time("starttime", "Start time");
        LocalTime stopTime = time("stoptime", "Stop time");
        if ((startTime == null) != (stopTime == null)) {
            errors.add("Give both times of day (from and to), or neither for the whole day");
        } else if (startTime != null && startTime.equals(stopTime)) {
            errors.add("The start and stop times are the same: the program would never apply");
        }
        String localParty = party("localparty", "Local party");
        String remoteParty = party("remoteparty", "Remote party");
        List<String> remoteParties = partyList();
        int keepHours = count("keephours", "Keep for hours", 0);
        Long targetUser = null;
        String login = values.get("targetuser");
        if (!login.isEmpty()) {
            targetUser = userOfLoginString.apply(login).orElse(null);
            if (targetUser == null) {
                errors.add("No user has the login string '" + login + "' (target user)");
            }
        }
        Long targetGroup = null;
        if (!values.get("targetgroup").isEmpty()) {
            long group = AdminPage.parseId(values.get("targetgroup"));
            if (group < 0) {
                errors.add("Target group is not a group");
            } else {
                targetGroup = group;
            }
        }
        String port = values.get("targetport");
        if (port.length() > 255) {
            errors.add("Target port has at most 255 characters");
        }
        return new Program(id, name, "true".equals(values.get("active")), direction, min, max, share, cycle, startDay,
                stopDay, startTime, stopTime, perCycle, localParty, remoteParty, remoteParties, keepHours, targetUser,
                targetGroup, port.isEmpty() ? null : port, null);
    }

    /** A whole number of at least 0; blank is the default. */
    private int count(String field, String label, int blank) {
        String text = values.get(field);
        if (text.isEmpty()) {
            return blank;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(label + " is a whole number, 0 or more (0: no limit); '" + text + "' is not");
        return blank;
    }

    private double percent() {
        String text = values.get("percent");
        if (text.isEmpty()) {
            return 1.0;
        }
        try {
            double value = Double.parseDouble(text);
            if (value >= 0 && value <= 100) {
                return value / 100;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add("Random share is a percentage from 0 to 100; '" + text + "' is not");
        return 1.0;
    }

    private <E extends Enum<E>> E enumValue(String field, Class<E> type, E blank, String message) {
        String text = values.get(field);
        if (text.isEmpty()) {
            return blank;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(message);
            return blank;
        }
    }

    private LocalTime time(String field, String label) {
        String text = values.get(field);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeParseException e) {
            errors.add(label + " is a time of day as HH:mm (09:00, 17:30); '" + text + "' is not");
            return null;
        }
    }

    private String party(String field, String label) {
        String text = values.get(field);
        if (text.isEmpty()) {
            return null;
        }
        if (!PARTY.matcher(text).matches()) {
            errors.add(label + " is one party, without spaces (at most 255 characters)");
            return null;
        }
        return text;
    }

    private List<String> partyList() {
        String text = values.get("remoteparties");
        if (text.isEmpty()) {
            return List.of();
        }
        Set<String> parties = new LinkedHashSet<>();
        for (String party : LIST_SEPARATOR.split(text)) {
            if (party.isEmpty()) {
                continue;
            }
            if (party.length() > 255) {
                errors.add("A remote party of the list has more than 255 characters: " + party.substring(0, 20) + "...");
                return List.of();
            }
            parties.add(party);
        }
        if (parties.size() > MAX_LIST) {
            errors.add("The remote party list has " + parties.size() + " parties; at most " + MAX_LIST);
            return List.of();
        }
        return List.copyOf(parties);
    }

    /** The fields of an existing program (a new one: {@link Program#keepAll}), to fill the form with. */
    static Map<String, String> values(Program p, Function<Long, String> loginStringOfUser) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", Objects.requireNonNullElse(p.name(), ""));
        values.put("active", Boolean.toString(p.active()));
        values.put("direction", p.direction() == Direction.IN || p.direction() == Direction.OUT ? p.direction().name() : "ALL");
        values.put("mindur", p.minDurationSeconds() == 0 ? "" : Integer.toString(p.minDurationSeconds()));
        values.put("maxdur", p.maxDurationSeconds() == 0 ? "" : Integer.toString(p.maxDurationSeconds()));
        values.put("percent", percentText(p.randomShare()));
        values.put("cycle", p.cycle().name());
        values.put("recpercycle", p.recordingsPerCycle() == 0 ? "" : Integer.toString(p.recordingsPerCycle()));
        values.put("startday", p.startDay() == null ? "" : p.startDay().name());
        values.put("stopday", p.stopDay() == null ? "" : p.stopDay().name());
        values.put("starttime", p.startTime() == null ? "" : p.startTime().toString());
        values.put("stoptime", p.stopTime() == null ? "" : p.stopTime().toString());
        values.put("localparty", Objects.requireNonNullElse(p.localParty(), ""));
        values.put("remoteparty", Objects.requireNonNullElse(p.remoteParty(), ""));
        values.put("remoteparties", String.join("\n", p.remotePartyList()));
        values.put("keephours", p.keepForHours() == 0 ? "" : Integer.toString(p.keepForHours()));
        values.put("targetuser", p.targetUserId() == null ? "" : loginStringOfUser.apply(p.targetUserId()));
        values.put("targetgroup", p.targetGroupId() == null ? "" : p.targetGroupId().toString());
        values.put("targetport", Objects.requireNonNullElse(p.targetPort(), ""));
        return values;
    }

    /** A share as a percentage without a useless fraction: 1.0 is "100", 0.125 is "12.5". */
    static String percentText(double share) {
        double percent = Math.round(share * 100_000) / 1000.0;
        return percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent);
    }
}
