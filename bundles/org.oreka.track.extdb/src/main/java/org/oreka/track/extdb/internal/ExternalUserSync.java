package org.oreka.track.extdb.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.oreka.track.storage.TrackException;
import org.oreka.track.storage.User;
import org.oreka.track.storage.UserDirectory;
import org.oreka.track.storage.UserUpdate;

/**
 * One run of an external database sync: reads the task's query, maps its columns onto users and login strings,
 * and provisions them. Users that exist and are not marked external are left alone, as the spec's
 * {@code external} flag promises.
 */
final class ExternalUserSync {

    /** What a run did. */
    record Result(int rows, int added, int updated, int skipped) {
    }

    /** Which result column holds which user field; null for a field the query does not give. */
    record Mapping(String loginString, String firstname, String lastname, String email, String group, String recordable) {
    }

    private ExternalUserSync() {
    }

    static Result run(Connection connection, String query, Mapping mapping, boolean keepLoginStrings, UserDirectory users)
            throws SQLException {
        List<UserUpdate> updates = new ArrayList<>();
        int rows = 0;
        int skipped = 0;
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
            Map<String, Integer> columns = columns(result.getMetaData());
            int login = column(columns, mapping.loginString(), true);
            while (result.next()) {
                rows++;
                String cell = result.getString(login);
                List<String> loginStrings = cell == null ? List.of() : Arrays.stream(cell.split("[|,]")).map(String::trim)
                        .filter(s -> !s.isEmpty()).toList();
                if (loginStrings.isEmpty()) {
                    skipped++;
                    continue;
                }
                Optional<User> existing = users.byLoginString(loginStrings.get(0));
                if (existing.isPresent() && !existing.get().external()) {
                    skipped++;
                    continue;
                }
                String group = value(result, columns, mapping.group());
                String first = value(result, columns, mapping.firstname());
                String last = value(result, columns, mapping.lastname());
                String recordable = value(result, columns, mapping.recordable());
                updates.add(new UserUpdate(loginStrings.get(0), first == null && last != null ? "" : first,
                        last == null && first != null ? "" : last, value(result, columns, mapping.email()),
                        recordable == null ? null : isTrue(recordable), Boolean.TRUE, group, null,
                        loginStrings.subList(1, loginStrings.size())));
            }
        }
        List<UserUpdate> valid = new ArrayList<>();
        for (UserUpdate update : updates) {
            boolean named = update.firstname() != null && update.lastname() != null;
            if (named || update.groupName() != null) {
                valid.add(update);
            } else {
                skipped++;
            }
        }
        UserDirectory.ImportResult imported = users.importUsers(valid, keepLoginStrings);
        return new Result(rows, imported.added(), imported.updated(), skipped);
    }

    private static Map<String, Integer> columns(ResultSetMetaData meta) throws SQLException {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
        }
        return columns;
    }

    private static int column(Map<String, Integer> columns, String name, boolean required) {
        Integer index = name == null || name.isBlank() ? null : columns.get(name.trim().toLowerCase(Locale.ROOT));
        if (index == null && required) {
            throw new TrackException("ERROR_EXTDB_MAPPING", "the query gives no column '" + name + "'; it gives " + columns.keySet());
        }
        return index == null ? -1 : index;
    }

    private static String value(ResultSet result, Map<String, Integer> columns, String name) throws SQLException {
        if (name == null || name.isBlank()) {
            return null;
        }
        String value = result.getString(column(columns, name, true));
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static boolean isTrue(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "y", "t" -> true;
            default -> false;
        };
    }
}
