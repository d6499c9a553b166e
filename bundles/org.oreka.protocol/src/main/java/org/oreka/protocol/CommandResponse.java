package org.oreka.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to one API call: a class name (as OrkTrack's single-line replies start with) and ordered fields,
 * beginning with {@code success} and {@code comment}.
 */
public final class CommandResponse {

    private final String className;
    private final Map<String, String> fields = new LinkedHashMap<>();

    private CommandResponse(String className, boolean success, String comment) {
        this.className = className;
        fields.put("success", Boolean.toString(success));
        fields.put("comment", comment == null ? "" : comment);
    }

    /** A successful response. */
    public static CommandResponse success(String className, String comment) {
        return new CommandResponse(className, true, comment);
    }

    /** A failed response; the comment says why in words a person can act on. */
    public static CommandResponse failure(String className, String comment) {
        return new CommandResponse(className, false, comment);
    }

    /** Adds or replaces a field after the ones already set. */
    public CommandResponse with(String key, String value) {
        fields.put(key, value == null ? "" : value);
        return this;
    }

    public String className() {
        return className;
    }

    public boolean success() {
        return Boolean.parseBoolean(fields.get("success"));
    }

    public String comment() {
        return fields.get("comment");
    }

    /** The fields in order, without the class. */
    public Map<String, String> fields() {
        return Collections.unmodifiableMap(fields);
    }

    /** OrkTrack's reply form: {@code class=<name> success=... comment=... ...}. */
    public String toSingleLineWithClass() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("class", className);
        all.putAll(fields);
        return SingleLine.format(all);
    }

    @Override
    public String toString() {
        return toSingleLineWithClass();
    }
}
