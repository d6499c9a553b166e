package org.oreka.track.storage.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * One versioned schema migration: a script {@code V<version>__<description>.sql} of SQL statements that
 * Derby and PostgreSQL both accept, each ending with a semicolon at the end of a line.
 *
 * @param version the order in which migrations apply
 * @param description what the migration does, from its file name
 * @param sql the script text
 */
record Migration(int version, String description, String sql) {

    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

    /** Builds a migration from its file name and text, or fails naming the file. */
    static Migration of(String fileName, String sql) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException("migration file name must look like V1__what_it_does.sql: " + fileName);
        }
        return new Migration(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), sql);
    }

    /** The statements of the script, without comments. */
    List<String> statements() {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\r?\n")) {
            String code = line.strip();
            if (code.startsWith("--") || code.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (code.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1).strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalArgumentException("migration V" + version + " ends without a semicolon");
        }
        return statements;
    }

    /** A checksum of the script, to notice a migration edited after it was applied. */
    long checksum() {
        CRC32 crc = new CRC32();
        crc.update(sql.replace("\r\n", "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
