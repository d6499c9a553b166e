package org.oreka.web.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.oreka.track.storage.Direction;
import org.oreka.track.storage.SegmentQuery;
import org.oreka.track.storage.Visibility;

/**
 * The recordings search form: its parameters as the page and its links carry them, checked (a bad value is a
 * clear message, never an exception), and turned into a {@link SegmentQuery}. Dates are local to the server's
 * time zone, as the form shows them.
 */
final class SearchForm {

    /** Results on a page unless {@code size} says otherwise. */
    static final int PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 500;
    /** The form's parameters, in the order links carry them. */
    static final List<String> PARAMETERS = List.of("from", "to", "local", "remote", "min", "max", "direction", "user",
            "group", "tagtype", "tagtext", "orkuid", "sort", "size", "page");
    static final DateTimeFormatter FORM_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final DateTimeFormatter FORM_DATE_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    /** Oreka's remote-login date form, {@code 20120215_121500}. */
    static final DateTimeFormatter API_DATE = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");
    /** Oreka's OrkWeb takes these characters in parties. */
    private static final Pattern PARTY = Pattern.compile("[A-Za-z0-9#*@+._-]{1,64}");
    private static final Pattern ORKUID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Map<String, SegmentQuery.Sort> SORTS = Map.of(
            "time", SegmentQuery.Sort.OLDEST_FIRST, "-time", SegmentQuery.Sort.NEWEST_FIRST,
            "duration", SegmentQuery.Sort.SHORTEST_FIRST, "-duration", SegmentQuery.Sort.LONGEST_FIRST,
            "local", SegmentQuery.Sort.LOCAL_PARTY, "-local", SegmentQuery.Sort.LOCAL_PARTY_DESC,
            "remote", SegmentQuery.Sort.REMOTE_PARTY, "-remote", SegmentQuery.Sort.REMOTE_PARTY_DESC,
            "direction", SegmentQuery.Sort.DIRECTION, "-direction", SegmentQuery.Sort.DIRECTION_DESC);

    /** The values as given (blank ones left out), for the form and the paging and sorting links. */
    final Map<String, String> values = new LinkedHashMap<>();
    /** What was wrong, one message per bad parameter. */
    final List<String> errors = new ArrayList<>();

    Instant from;
    Instant to;
    Integer min;
    Integer max;
    Direction direction;
    Long user;
    Long group;
    String sort = "-time";
    int size = PAGE_SIZE;
    int page = 1;

    /**
     * Reads the form; without a start date the search covers the last 24 hours.
     *
     * @param parameter the request's parameter of a name, or null
     */
    static SearchForm read(Function<String, String> parameter, Instant now, ZoneId zone) {
        SearchForm form = new SearchForm();
        for (String name : PARAMETERS) {
            String value = parameter.apply(name);
            if (value != null && !value.isBlank()) {
                form.values.put(name, value.trim());
            }
        }
        form.from = form.date("from", "start date", now, zone);
        if (!form.values.containsKey("from")) {
            form.from = now.minus(Duration.ofHours(24)).truncatedTo(ChronoUnit.MINUTES);
            form.values.put("from", FORM_DATE.format(form.from.atZone(zone)));
        }
        form.to = form.date("to", "end date", now, zone);
        if (form.from != null && form.to != null && !form.to.isAfter(form.from)) {
            form.errors.add("The end date must be after the start date");
        }
        form.party("local", "Local party");
        form.party("remote", "Remote party");
        form.min = form.number("min", "Minimum duration", 0, Integer.MAX_VALUE);
        form.max = form.number("max", "Maximum duration", 0, Integer.MAX_VALUE);
        if (form.min != null && form.max != null && form.max < form.min) {
            form.errors.add("The maximum duration is below the minimum");
        }
        String direction = form.values.get("direction");
        if (direction != null) {
            switch (direction.toLowerCase(Locale.ROOT)) {
                case "in" -> form.direction = Direction.IN;
                case "out" -> form.direction = Direction.OUT;
                case "all" -> form.direction = null;
                default -> form.errors.add("Direction must be in, out or all");
            }
        }
        Integer user = form.number("user", "User", 1, Integer.MAX_VALUE);
        form.user = user == null ? null : user.longValue();
        Integer group = form.number("group", "Group", 1, Integer.MAX_VALUE);
        form.group = group == null ? null : group.longValue();
        if (form.values.containsKey("tagtext") && !form.values.containsKey("tagtype")) {
            form.errors.add("A tag text needs a tag type");
        }
        String orkuid = form.values.get("orkuid");
        if (orkuid != null && !ORKUID.matcher(orkuid).matches()) {
            form.errors.add("Recording id: letters, digits, '_', '-' and '.' only");
        }
        String sort = form.values.get("sort");
        if (sort != null) {
            if (SORTS.containsKey(sort)) {
                form.sort = sort;
            } else {
                form.errors.add("Unknown sort order '" + sort + "'");
            }
        }
        Integer size = form.number("size", "Page size", 1, MAX_PAGE_SIZE);
        form.size = size == null ? PAGE_SIZE : size;
        Integer page = form.number("page", "Page", 1, 100_000);
        form.page = page == null ? 1 : page;
        return form;
    }

    /** The query the form asks for, seen as {@code visibility} allows. */
    SegmentQuery query(Visibility visibility) {
        return new SegmentQuery(from, to, values.get("local"), values.get("remote"), min, max, direction, user,
                values.get("orkuid"), SORTS.get(sort), (page - 1) * size, size, group, values.get("tagtype"),
                values.get("tagtext"), visibility);
    }

    /** The form's values with some replaced (null removes one), as a query string for a link. */
    String queryString(Map<String, String> changes) {
        Map<String, String> merged = new LinkedHashMap<>(values);
        changes.forEach((k, v) -> {
            if (v == null) {
                merged.remove(k);
            } else {
                merged.put(k, v);
            }
        });
        StringBuilder query = new StringBuilder();
        merged.forEach((k, v) -> query.append(query.length() == 0 ? "" : "&").append(k).append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        return query.toString();
    }

    private Instant date(String name, String label, Instant now, ZoneId zone) {
        String value = values.get(name);
        if (value == null) {
            return null;
        }
        Instant parsed = parseDate(value, now, zone);
        if (parsed == null) {
            errors.add("The " + label + " must look like 2026-11-28T10:15 (or 20261128_101500, or now)");
        }
        return parsed;
    }

    /** A date of the form ({@code 2026-11-28T10:15[:00]}), of Oreka's remote login ({@code 20261128_101500}) or {@code now}; null when it is neither. */
    static Instant parseDate(String value, Instant now, ZoneId zone) {
        if (value.equalsIgnoreCase("now")) {
            return now;
        }
        for (DateTimeFormatter format : List.of(FORM_DATE, FORM_DATE_SECONDS, API_DATE)) {
            try {
                return LocalDateTime.parse(value, format).atZone(zone).toInstant();
            } catch (DateTimeParseException notThisForm) {
                // try the next form
            }
        }
        return null;
    }

    private void party(String name, String label) {
        String value = values.get(name);
        if (value != null && !PARTY.matcher(value).matches()) {
            errors.add(label + ": letters, digits and # * @ + . _ - only, at most 64");
        }
    }

    private Integer number(String name, String label, int least, int most) {
        String value = values.get(name);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= least && number <= most) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        errors.add(label + " must be a whole number from " + least + (most == Integer.MAX_VALUE ? " up" : " to " + most));
        return null;
    }
}
