package org.oreka.protocol;

import java.util.Map;

/**
 * A recorder-side command port as its component owns it: the commands bound from the registry, the request handling
 * ({@link PlainCommandHandler}) and the listener ({@link PlainHttpListener}), configured from the component's
 * {@code HttpServerPort}, {@code AllowedClients} and {@code ApiToken}; a new port moves the listener live.
 */
public final class PlainCommandPort implements AutoCloseable {

    private final String api;
    private final CommandDispatcher commands;
    private final PlainCommandHandler handler;
    private final PlainHttpListener listener;

    /**
     * @param endpoint the commands' {@link Command#PROPERTY_ENDPOINT}, also the listener's thread name prefix
     * @param api what the port serves, for log messages ("the recorder command API")
     */
    public PlainCommandPort(String endpoint, String api) {
        this.api = api;
        this.commands = new CommandDispatcher(endpoint);
        this.handler = new PlainCommandHandler(commands);
        this.listener = new PlainHttpListener(endpoint + "-commands", handler);
    }

    /** Applies the component's configuration; a port that cannot be bound is logged and leaves the API off. */
    public void configure(int httpServerPort, String allowedClients, String apiToken) {
        handler.guard(ClientGuard.fromConfiguration(api, allowedClients, apiToken));
        listener.bindOrLog(httpServerPort, "HttpServerPort");
    }

    /** Adds a command service. */
    public void bind(Command command, Map<String, ?> properties) {
        commands.bind(command, properties);
    }

    /** Removes a command service. */
    public void unbind(Command command, Map<String, ?> properties) {
        commands.unbind(command, properties);
    }

    /** The port listened on, or -1. */
    public int port() {
        return listener.port();
    }

    /** Stops listening. */
    @Override
    public void close() {
        listener.close();
    }
}
