package org.oreka.track.command.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.oreka.track.storage.TrackException;
import org.oreka.track.storage.UserUpdate;

/**
 * Reads a user import file: CSV (comma or semicolon separated, quotes as in RFC 4180) with a header row naming
 * the columns {@code loginstring} (required; several login strings separated by {@code |}), {@code firstname},
 * {@code lastname}, {@code email}, {@code recordable}, {@code external}, {@code groupname} and
 * {@code securitygroupname}.
 */
final class UserCsv {

    private static final List<String> COLUMNS = List.of("loginstring", "firstname", "lastname", "email", "recordable",
            "external", "groupname", "securitygroupname");

    private UserCsv() {
    }

    /**
     * The users of the file; {@code recordableByDefault} applies where the file has no recordable value.
     *
     * @throws TrackException ERROR_IMPORTING_USERS naming the line of a problem
     */
    static List<UserUpdate> parse(String text, Boolean recordableByDefault) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new TrackException("ERROR_IMPORTING_USERS", "the file is empty");
        }
        char separator = lines.get(0).indexOf(';') >= 0 && lines.get(0).indexOf(',') < 0 ? ';' : ',';
        Map<String, Integer> header = new HashMap<>();
        List<String> names = split(lines.get(0), separator, 1);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).trim().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                throw new TrackException("ERROR_IMPORTING_USERS", "line 1: unknown column '" + names.get(i) + "'; the header names"
                        + " columns among " + COLUMNS);
            }
            header.put(name, i);
        }
        if (!header.containsKey("loginstring")) {
            throw new TrackException("ERROR_IMPORTING_USERS", "line 1: the header must name a loginstring column");
        }
        List<UserUpdate> users = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            List<String> cells = split(lines.get(n), separator, n + 1);
            List<String> loginStrings = Arrays.stream(cell(cells, header, "loginstring").split("\\|")).map(String::trim)
                    .filter(s -> !s.isEmpty()).toList();
            if (loginStrings.isEmpty()) {
                throw new TrackException("ERROR_IMPORTING_USERS", "line " + (n + 1) + ": no login string");
            }
            Boolean recordable = bool(cell(cells, header, "recordable"), n + 1);
            users.add(new UserUpdate(loginStrings.get(0), blankToNull(cell(cells, header, "firstname")),
                    blankToNull(cell(cells, header, "lastname")), blankToNull(cell(cells, header, "email")),
                    recordable != null ? recordable : recordableByDefault, bool(cell(cells, header, "external"), n + 1),
                    blankToNull(cell(cells, header, "groupname")), blankToNull(cell(cells, header, "securitygroupname")),
                    loginStrings.subList(1, loginStrings.size())));
        }
        return users;
    }

    private static String cell(List<String> cells, Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        return index == null || index >= cells.size() ? "" : cells.get(index).trim();
    }

    private static Boolean bool(String value, int line) {
        if (value.isEmpty()) {
            return null;
        }
        Boolean parsed = Parameters.yesNo(value);
        if (parsed == null) {
            throw new TrackException("ERROR_IMPORTING_USERS", "line " + line + ": '" + value + "' is not a yes/no value");
        }
        return parsed;
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    /** Splits one CSV line, honouring double quotes. */
    static List<String> split(String line, char separator, int lineNumber) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new TrackException("ERROR_IMPORTING_USERS", "line " + lineNumber + ": a quote is not closed");
        }
        cells.add(cell.toString());
        return cells;
    }
}
