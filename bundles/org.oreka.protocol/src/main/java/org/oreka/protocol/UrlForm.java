package org.oreka.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Oreka's URL form: the query strings of its HTTP APIs and the lines of the live event stream.
 *
 * <p>Encoding keeps {@code -.0-9@A-Za-z_}, turns a space into {@code +} and every other byte of the UTF-8
 * form into {@code %XX} with upper-case hex, exactly as OrkAudio does. Decoding also accepts {@code %%} for a
 * percent sign and keeps malformed escapes literally instead of failing.
 */
public final class UrlForm {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UrlForm() {
    }

    /** Encodes one key or value. */
    public static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isKept(c)) {
                out.append((char) c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    private static boolean isKept(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                || c == '@' || c == '_';
    }

    /** Decodes one key or value. */
    public static String decode(String text) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                out.write(' ');
            } else if (c == '%' && i + 1 < text.length() && text.charAt(i + 1) == '%') {
                out.write('%');
                i++;
            } else if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                out.write(hex(text.charAt(i + 1)) << 4 | hex(text.charAt(i + 2)));
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** Formats fields as {@code key=value&key=value&}, with the trailing {@code &} OrkAudio writes. */
    public static String format(Map<String, String> fields) {
        StringBuilder out = new StringBuilder(256);
        for (Map.Entry<String, String> field : fields.entrySet()) {
            out.append(encode(field.getKey())).append('=').append(encode(field.getValue())).append('&');
        }
        return out.toString();
    }

    /** The fields of a URL-form message ({@code key=value&key=value&}), decoded, in order; pairs without a key are skipped. */
    public static Map<String, String> parse(String urlForm) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (String pair : urlForm.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return fields;
    }
}
