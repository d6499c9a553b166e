package org.oreka.audio.filenaming.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.oreka.sdk.tape.TapeDTO;

/**
 * One of Oreka's {@code TapeFileNaming} / {@code TapePathNaming} templates: a comma-separated list of elements,
 * each literal text, a {@code [token]} of the tape, or both mixed, rendered into a file or folder name.
 *
 * <p>Tokens (case-insensitive): {@code orkuid}, {@code nativecallid}, {@code trackingid}, {@code direction}
 * ({@code in}/{@code out}/{@code unkn}), {@code shortdirection} ({@code I}/{@code O}/{@code U}),
 * {@code remoteparty}, {@code localparty}, {@code localentrypoint}, {@code localip}, {@code remoteip},
 * {@code hostname}, and {@code year}, {@code month}, {@code day}, {@code hour}, {@code min}, {@code sec} of the
 * recording's start in the recorder's time zone. Any other {@code [key]} is the tape's tag of that name, or the
 * literal text {@code [key]} when the tape has no such tag. An empty value becomes {@code no<token>}.
 *
 * <p>As in Oreka, characters other than {@code -.0-9@A-Za-z_} are written {@code %XX} (UTF-8 bytes, upper-case
 * hex), so a party or tag never brings a folder separator or a character some file system refuses; a value made
 * only of dots is escaped too. In a path template the literal {@code /} of the template separates folders.
 */
final class NamingTemplate {

    /** Longest folder or file name written (bytes; file systems allow 255, the extension comes on top). */
    static final int MAX_NAME_LENGTH = 200;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final String text;
    private final List<String> elements;
    private final boolean path;

    private NamingTemplate(String text, List<String> elements, boolean path) {
        this.text = text;
        this.elements = elements;
        this.path = path;
    }

    /** A file-name template ({@code TapeFileNaming}). */
    static NamingTemplate fileName(String csv) {
        return parse(csv, false);
    }

    /** A folder template ({@code TapePathNaming}), where a literal {@code /} separates folders. */
    static NamingTemplate path(String csv) {
        return parse(csv, true);
    }

    private static NamingTemplate parse(String csv, boolean path) {
        List<String> elements = new ArrayList<>();
        for (String element : (csv == null ? "" : csv).split(",")) {
            if (!element.isBlank()) {
                elements.add(element.strip());
            }
        }
        return new NamingTemplate(csv == null ? "" : csv.strip(), List.copyOf(elements), path);
    }

    boolean isEmpty() {
        return elements.isEmpty();
    }

    @Override
    public String toString() {
        return text;
    }

    /**
     * The name for {@code tape}: for a file template one escaped file name, for a path template escaped folder
     * names joined by {@code /} (not normalised: {@link TapeFileNaming} checks the result).
     */
    String render(TapeDTO tape, ZoneId zone) {
        ZonedDateTime start = Instant.ofEpochMilli(tape.startMillis).atZone(zone);
        StringBuilder name = new StringBuilder();
        for (String element : elements) {
            int i = 0;
            while (i < element.length()) {
                int open = element.indexOf('[', i);
                int close = open < 0 ? -1 : element.indexOf(']', open + 1);
                if (close < 0) {
                    literal(element.substring(i), name);
                    break;
                }
                literal(element.substring(i, open), name);
                String token = element.substring(open + 1, close);
                String value = value(token, tape, start);
                if (value == null) {
                    literal(element.substring(open, close + 1), name);
                } else {
                    String escaped = escape(value.isEmpty() ? "no" + token.toLowerCase(Locale.ROOT) : value);
                    name.append(escaped.chars().allMatch(c -> c == '.') ? escaped.replace(".", "%2E") : escaped);
                }
                i = close + 1;
            }
        }
        return name.toString();
    }

    /** A token's value, or null when it is neither a known token nor one of the tape's tags. */
    private static String value(String token, TapeDTO tape, ZonedDateTime start) {
        switch (token.toLowerCase(Locale.ROOT)) {
            case "orkuid":
                return tape.orkuid;
            case "nativecallid":
                return tape.nativeCallId;
            case "trackingid":
                return tape.capturePort;
            case "direction":
                return tape.direction;
            case "shortdirection":
                return shortDirection(tape.direction);
            case "remoteparty":
                return tape.remoteParty;
            case "localparty":
                return tape.localParty;
            case "localentrypoint":
                return tape.localEntryPoint;
            case "localip":
                return tape.localIp;
            case "remoteip":
                return tape.remoteIp;
            case "hostname":
                return tape.hostname;
            case "year":
                return String.format(Locale.ROOT, "%04d", start.getYear());
            case "month":
                return twoDigits(start.getMonthValue());
            case "day":
                return twoDigits(start.getDayOfMonth());
            case "hour":
                return twoDigits(start.getHour());
            case "min":
                return twoDigits(start.getMinute());
            case "sec":
                return twoDigits(start.getSecond());
            default:
                return tag(token, tape.tags);
        }
    }

    private static String tag(String key, Map<String, String> tags) {
        if (tags.containsKey(key)) {
            return tags.get(key) == null ? "" : tags.get(key);
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (tag.getKey().equalsIgnoreCase(key)) {
                return tag.getValue() == null ? "" : tag.getValue();
            }
        }
        return null;
    }

    private static String shortDirection(String direction) {
        String d = direction == null ? "" : direction.toLowerCase(Locale.ROOT);
        return d.startsWith("in") ? "I" : d.startsWith("out") ? "O" : "U";
    }

    private static String twoDigits(int value) {
        return String.format(Locale.ROOT, "%02d", value);
    }

    private void literal(String text, StringBuilder name) {
        if (!path) {
            name.append(escape(text));
            return;
        }
        int i = 0;
        for (int slash; (slash = text.indexOf('/', i)) >= 0; i = slash + 1) {
            name.append(escape(text.substring(i, slash))).append('/');
        }
        name.append(escape(text.substring(i)));
    }

    /** Oreka's file-name escaping: every byte outside {@code -.0-9@A-Za-z_} as {@code %XX}. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '@' || c == '_') {
                escaped.append(c);
            } else {
                escaped.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return escaped.toString();
    }

    /** {@code name} cut to {@link #MAX_NAME_LENGTH} characters, never inside a {@code %XX}. */
    static String limit(String name) {
        if (name.length() <= MAX_NAME_LENGTH) {
            return name;
        }
        int end = MAX_NAME_LENGTH;
        int percent = name.lastIndexOf('%', end - 1);
        if (percent >= 0 && percent > end - 3) {
            end = percent;
        }
        return name.substring(0, end);
    }
}
