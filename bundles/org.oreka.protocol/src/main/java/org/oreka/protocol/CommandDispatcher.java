package org.oreka.protocol;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commands of one API endpoint, bound dynamically from the service registry, and the dispatch of a
 * request to the command it names. Endpoints feed it from their bind/unbind methods.
 */
public final class CommandDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(CommandDispatcher.class);

    private final String endpoint;
    private final Map<String, List<Ranked>> commands = new ConcurrentHashMap<>();

    private record Ranked(Command command, int ranking) {
    }

    /** @param endpoint the API these commands belong to, for log messages */
    public CommandDispatcher(String endpoint) {
        this.endpoint = endpoint;
    }

    /** Adds a command registered with the given service properties. */
    public void bind(Command command, Map<String, ?> properties) {
        String name = name(properties);
        if (name.isEmpty()) {
            LOG.warn("{}: ignoring a command service without {}", endpoint, Command.PROPERTY_NAME);
            return;
        }
        List<Ranked> list = commands.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>());
        list.add(new Ranked(command, ranking(properties)));
        list.sort(Comparator.comparingInt(Ranked::ranking).reversed());
    }

    /** Removes a command. */
    public void unbind(Command command, Map<String, ?> properties) {
        List<Ranked> list = commands.get(name(properties));
        if (list != null) {
            list.removeIf(r -> r.command() == command);
        }
    }

    /** The names of the commands available now, sorted. */
    public List<String> names() {
        return commands.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).sorted().toList();
    }

    /**
     * Runs the command the request names.
     *
     * @return the command's response, or empty when no such command is available
     */
    public Optional<CommandResponse> dispatch(CommandRequest request, String className) {
        List<Ranked> list = commands.get(request.name());
        if (list == null || list.isEmpty()) {
            return Optional.empty();
        }
        Command command = list.get(0).command();
        try {
            return Optional.of(command.execute(request));
        } catch (RuntimeException e) {
            LOG.error("{}: command '{}' failed", endpoint, request.name(), e);
            return Optional.of(CommandResponse.failure(className, "internal error in command " + request.name()
                    + ": " + e.getClass().getSimpleName()));
        }
    }

    private static String name(Map<String, ?> properties) {
        Object name = properties.get(Command.PROPERTY_NAME);
        return name == null ? "" : name.toString().trim().toLowerCase(Locale.ROOT);
    }

    private static int ranking(Map<String, ?> properties) {
        Object ranking = properties.get("service.ranking");
        return ranking instanceof Integer ? (Integer) ranking : 0;
    }
}
