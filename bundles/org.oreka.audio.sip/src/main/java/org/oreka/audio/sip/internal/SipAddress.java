package org.oreka.audio.sip.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.oreka.sdk.call.Party;

/**
 * A party as a SIP header or request line names it: an optional display name and a {@code sip:}, {@code sips:}
 * or {@code tel:} URI, from the name-addr ({@code "Name" <uri>;params}) or addr-spec ({@code uri;params}) form.
 *
 * @param displayName the display name, unquoted, or an empty string
 * @param user the user part without parameters or password, percent-decoded (the number of a tel: URI)
 * @param host the host, with brackets for an IPv6 reference, without port; empty for tel: URIs
 */
record SipAddress(String displayName, String user, String host) {

    static final SipAddress EMPTY = new SipAddress("", "", "");

    /** Parses a From, To, Refer-To, Referred-By or Contact value; a null or blank value gives {@link #EMPTY}. */
    static SipAddress parse(String value) {
        if (value == null || value.isBlank()) {
            return EMPTY;
        }
        String text = value.trim();
        String displayName = "";
        String rest = text;
        if (text.charAt(0) == '"') {
            int close = closingQuote(text);
            displayName = unescape(text.substring(1, close));
            rest = close < text.length() ? text.substring(close + 1) : "";
        }
        int open = rest.indexOf('<');
        if (open < 0) {
            return parseUri(rest).withDisplayName(displayName);
        }
        if (displayName.isEmpty()) {
            displayName = unquoteToken(rest.substring(0, open));
        }
        int close = rest.indexOf('>', open);
        String uri = rest.substring(open + 1, close < 0 ? rest.length() : close);
        return parseUri(uri).withDisplayName(displayName);
    }

    /**
     * Parses a bare URI. Without a scheme the text is read as {@code user@host}; parameters, headers
     * ({@code ?...}) and the port are dropped.
     */
    static SipAddress parseUri(String uri) {
        String text = uri.trim();
        int colon = text.indexOf(':');
        String scheme = colon > 0 && text.substring(0, colon).chars().allMatch(Character::isLetter)
                ? text.substring(0, colon).toLowerCase(Locale.ROOT)
                : "";
        String rest = scheme.isEmpty() ? text : text.substring(colon + 1);
        int question = rest.indexOf('?');
        if (question >= 0) {
            rest = rest.substring(0, question);
        }
        if (scheme.equals("tel")) {
            return new SipAddress("", percentDecode(cut(rest, ";")).trim(), "");
        }
        int at = rest.indexOf('@');
        if (at < 0) {
            return new SipAddress("", "", host(rest));
        }
        return new SipAddress("", percentDecode(cut(rest.substring(0, at), ";:")).trim(), host(rest.substring(at + 1)));
    }

    /**
     * The party as the recorder reports it: the user part, or {@code user@host} when {@code fullAddress} (the host
     * alone when the URI has no user part); the host is the party's domain, for {@code SipDomains}.
     */
    Party toParty(boolean fullAddress) {
        String number = user;
        if (fullAddress && !host.isEmpty()) {
            number = user.isEmpty() ? host : user + "@" + host;
        }
        return new Party(number, displayName, host);
    }

    private SipAddress withDisplayName(String name) {
        return new SipAddress(name, user, host);
    }

    private static String host(String hostPort) {
        String text = cut(hostPort, ";>").trim();
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            return close < 0 ? text : text.substring(0, close + 1);
        }
        return cut(text, ":").toLowerCase(Locale.ROOT);
    }

    /** The index of the quote closing the quoted string that starts {@code text}, or its length if unclosed. */
    private static int closingQuote(String text) {
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return text.length();
    }

    private static String unescape(String quoted) {
        StringBuilder out = new StringBuilder(quoted.length());
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c == '\\' && i + 1 < quoted.length()) {
                c = quoted.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * A display name written as tokens; some phones wrap it in escaped quotes ({@code \"name\"}), which are
     * stripped too.
     */
    private static String unquoteToken(String token) {
        String text = token.trim().replace("\\\"", "\"");
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        return text.trim();
    }

    private static String cut(String text, String stopChars) {
        for (int i = 0; i < text.length(); i++) {
            if (stopChars.indexOf(text.charAt(i)) >= 0) {
                return text.substring(0, i);
            }
        }
        return text;
    }

    /** Decodes %XX escapes (runs of them as UTF-8); a malformed escape stays as written. */
    private static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        ByteArrayOutputStream escaped = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            int high = text.charAt(i) == '%' && i + 2 < text.length() ? IpLiteral.hexDigit(text.charAt(i + 1)) : -1;
            int low = high >= 0 ? IpLiteral.hexDigit(text.charAt(i + 2)) : -1;
            if (low >= 0) {
                escaped.write(high * 16 + low);
                i += 3;
                continue;
            }
            out.append(escaped.toString(StandardCharsets.UTF_8));
            escaped.reset();
            out.append(text.charAt(i++));
        }
        return out.append(escaped.toString(StandardCharsets.UTF_8)).toString();
    }
}
