package org.oreka.track.command.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.oreka.protocol.CommandRequest;
import org.oreka.track.storage.TrackException;

/** Reads typed values from API parameters, failing with a message that names the parameter. */
final class Parameters {

    static final String INVALID = "ERROR_INVALID_PARAMETER";
    static final String MISSING = "ERROR_MISSING_PARAMETER";
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    private Parameters() {
    }

    /** A parameter's value, or null when it is absent or empty. */
    static String text(CommandRequest request, String name) {
        String value = request.get(name).map(String::trim).orElse(null);
        return value == null || value.isEmpty() ? null : value;
    }

    static String required(CommandRequest request, String name) {
        String value = text(request, name);
        if (value == null) {
            throw new TrackException(MISSING, name + " is missing");
        }
        return value;
    }

    /** A boolean in any of the API's forms (true/false, yes/no, 1/0), or null when absent. */
    static Boolean bool(CommandRequest request, String name) {
        String value = text(request, name);
        if (value == null) {
            return null;
        }
        Boolean parsed = yesNo(value);
        if (parsed == null) {
            throw new TrackException(INVALID, name + " must be true/false, yes/no or 1/0, not '" + value + "'");
        }
        return parsed;
    }

    /** A boolean in the spec's forms (true/false, yes/no, 1/0, any case); null for anything else. */
    static Boolean yesNo(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true":
            case "yes":
            case "1":
                return Boolean.TRUE;
            case "false":
            case "no":
            case "0":
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    static Long number(CommandRequest request, String name) {
        String value = text(request, name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new TrackException(INVALID, name + " must be a whole number, not '" + value + "'");
        }
    }

    static Integer port(CommandRequest request, String name) {
        Long value = number(request, name);
        if (value != null && (value < 1 || value > 65535)) {
            throw new TrackException(INVALID, name + " must be a port number from 1 to 65535");
        }
        return value == null ? null : value.intValue();
    }

    /** A time given as seconds since 1970 or as {@code yyyyMMdd_HHmmss} (local time), or null when absent. */
    static Instant time(CommandRequest request, String name) {
        String value = text(request, name);
        if (value == null) {
            return null;
        }
        if (value.matches("-?\\d{1,12}")) {
            return Instant.ofEpochSecond(Long.parseLong(value));
        }
        try {
            return LocalDateTime.parse(value, COMPACT).atZone(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException e) {
            throw new TrackException(INVALID, name + " must be seconds since 1970 or yyyyMMdd_HHmmss, not '" + value + "'");
        }
    }

    /** Every value of a repeated parameter, each also split on commas, without empty ones. */
    static List<String> list(CommandRequest request, String name) {
        List<String> values = new ArrayList<>();
        for (String value : request.all(name)) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.trim());
                }
            }
        }
        return values;
    }
}
