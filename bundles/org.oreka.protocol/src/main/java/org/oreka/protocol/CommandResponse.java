package org.oreka.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to one API call: a class name (as OrkTrack's single-line replies start with) and ordered fields,
 * beginning with {@code success} and {@code comment}; or, for commands that relay a live stream, a body the
 * endpoint streams to the caller instead.
 */
public final class CommandResponse {

    private final String className;
    private final Map<String, String> fields = new LinkedHashMap<>();
    private Stream stream;

    /** A response body written to the caller as it is produced (live audio). */
    public interface Stream {

        /** The body's media type. */
        String contentType();

        /** Writes the body until it ends or the caller goes away (an {@link IOException} then). */
        void writeTo(OutputStream out) throws IOException;
    }

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

    /** A successful response whose body is {@code stream} rather than the single-line reply. */
    public static CommandResponse streaming(String className, Stream stream) {
        CommandResponse response = new CommandResponse(className, true, "");
        response.stream = stream;
        return response;
    }

    /** The body to stream, if this response is one. */
    public Optional<Stream> stream() {
        return Optional.ofNullable(stream);
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
