package org.oreka.protocol;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One API call: the command's name and its parameters, decoded from an Oreka query string.
 *
 * <p>Parameter names are matched case-insensitively; a parameter may repeat ({@code tagentry}).
 */
public final class CommandRequest {

    private final String name;
    private final Map<String, List<String>> parameters;
    private final InetAddress client;

    private CommandRequest(String name, Map<String, List<String>> parameters, InetAddress client) {
        this.name = name;
        this.parameters = parameters;
        this.client = client;
    }

    /**
     * Parses a query string ({@code type=ping&x=1}); the command name is the value of the first of the
     * {@code nameKeys} present, checked in that order.
     *
     * @param query the raw query, without {@code ?}; may be null
     * @param client the caller's address
     * @param nameKeys the parameters that may carry the command's name, for instance {@code cmd, type, class}
     */
    public static CommandRequest parse(String query, InetAddress client, String... nameKeys) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = UrlForm.decode(eq < 0 ? pair : pair.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
                String value = eq < 0 ? "" : UrlForm.decode(pair.substring(eq + 1));
                if (!key.isEmpty()) {
                    parameters.computeIfAbsent(key, k -> new ArrayList<>(1)).add(value);
                }
            }
        }
        String name = "";
        for (String nameKey : nameKeys) {
            List<String> values = parameters.get(nameKey);
            if (values != null && !values.get(0).isBlank()) {
                name = values.get(0).trim().toLowerCase(Locale.ROOT);
                break;
            }
        }
        return new CommandRequest(name, parameters, client);
    }

    /** The command's name in lower case, or an empty string when the request named none. */
    public String name() {
        return name;
    }

    /** The address of the caller. */
    public InetAddress client() {
        return client;
    }

    /** The first value of a parameter, if present. */
    public Optional<String> get(String key) {
        List<String> values = parameters.get(key.toLowerCase(Locale.ROOT));
        return values == null ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The first value of a parameter, or {@code fallback} when it is absent. */
    public String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    /** Every value of a repeated parameter, in order; empty when absent. */
    public List<String> all(String key) {
        List<String> values = parameters.get(key.toLowerCase(Locale.ROOT));
        return values == null ? List.of() : Collections.unmodifiableList(values);
    }

    /** Whether the parameter is present, even with an empty value. */
    public boolean has(String key) {
        return parameters.containsKey(key.toLowerCase(Locale.ROOT));
    }

    /** All parameters with their first values, in request order. */
    public Map<String, String> firstValues() {
        Map<String, String> first = new LinkedHashMap<>();
        parameters.forEach((k, v) -> first.put(k, v.get(0)));
        return first;
    }
}
