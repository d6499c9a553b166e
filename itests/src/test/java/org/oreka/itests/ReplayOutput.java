package org.oreka.itests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table {@code oreka:replay} prints (its recordings), or {@code oreka:sessions} (the live calls), parsed into rows
 * keyed by column name.
 */
final class ReplayOutput {

    final List<Map<String, String>> recordings = new ArrayList<>();
    final String text;

    ReplayOutput(String text) {
        this.text = text;
        List<String> header = null;
        for (String line : text.split("\r?\n")) {
            String[] cells = line.split("[│|]", -1);
            if (cells.length < 5) {
                continue;
            }
            if (header == null) {
                if (cells[0].strip().equals("Orkuid")) {
                    header = new ArrayList<>();
                    for (String cell : cells) {
                        header.add(cell.strip());
                    }
                }
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size() && i < cells.length; i++) {
                row.put(header.get(i), cells[i].strip());
            }
            recordings.add(row);
        }
    }

    /** The recordings between the given parties, as "local>remote". */
    List<Map<String, String>> between(String local, String remote) {
        return recordings.stream().filter(r -> r.get("Local").equals(local) && r.get("Remote").equals(remote)).toList();
    }

    /** The side packet counts of a row, smaller first. */
    static List<Long> sides(Map<String, String> row) {
        long a = Long.parseLong(row.get("Side 1"));
        long b = Long.parseLong(row.get("Side 2"));
        return List.of(Math.min(a, b), Math.max(a, b));
    }

    @Override
    public String toString() {
        return text;
    }
}
