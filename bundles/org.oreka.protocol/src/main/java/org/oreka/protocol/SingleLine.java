package org.oreka.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Oreka's single-line {@code key=value} format, used by OrkTrack replies, the recorder's
 * {@code text/single-line} replies and its log files: pairs separated by spaces, with a space written as
 * {@code %s}, a percent sign as {@code %p} and an equals sign as {@code %e} inside values.
 */
public final class SingleLine {

    private SingleLine() {
    }

    /** Escapes a value so it holds no space, {@code %} or {@code =}. */
    public static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 4);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case ' ':
                    out.append("%s");
                    break;
                case '%':
                    out.append("%p");
                    break;
                case '=':
                    out.append("%e");
                    break;
                default:
                    out.append(c);
            }
        }
        return out.toString();
    }

    /** Reverses {@link #escape(String)}; also reads {@code %c} as a colon, as Oreka's Java side writes it. */
    public static String unescape(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 1 < value.length()) {
                char code = value.charAt(i + 1);
                char decoded = code == 's' ? ' ' : code == 'p' ? '%' : code == 'e' ? '=' : code == 'c' ? ':' : 0;
                if (decoded != 0) {
                    out.append(decoded);
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Formats fields as {@code key=value key=value}, without a trailing space. */
    public static String format(Map<String, String> fields) {
        StringBuilder out = new StringBuilder(128);
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(field.getKey()).append('=').append(escape(field.getValue()));
        }
        return out.toString();
    }

    /**
     * Parses a single line into its fields, in order, with lower-case keys. Tokens without {@code =} are
     * ignored.
     */
    public static Map<String, String> parse(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String token : line.trim().split(" +")) {
            int eq = token.indexOf('=');
            if (eq > 0) {
                fields.put(token.substring(0, eq).toLowerCase(java.util.Locale.ROOT), unescape(token.substring(eq + 1)));
            }
        }
        return fields;
    }
}
