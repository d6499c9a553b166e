package org.oreka.audio.command.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

import org.oreka.protocol.ClientGuard;
import org.oreka.protocol.Command;
import org.oreka.protocol.CommandDispatcher;
import org.oreka.protocol.CommandRequest;
import org.oreka.protocol.CommandResponse;
import org.oreka.protocol.PlainHttpListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the recorder's command API on {@code HttpServerPort} (59140): every request, whatever its path, is
 * dispatched by its {@code type} parameter to the recorder {@link Command} of that name.
 */
@Component(service = {}, configurationPid = RecorderCommandServer.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RecorderCommandServer.Config.class)
public class RecorderCommandServer {

    /** The recorder's main configuration. */
    public static final String PID = "org.oreka.audio";

    private static final Logger LOG = LoggerFactory.getLogger(RecorderCommandServer.class);
    private static final String SINGLE_LINE = "text/single-line";

    @ObjectClassDefinition(name = "Oreka recorder command API")
    public @interface Config {
        @AttributeDefinition(description = "TCP port of the command API")
        int HttpServerPort() default 59140;

        @AttributeDefinition(description = "Addresses (CIDR list) allowed to call the command API")
        String AllowedClients() default ClientGuard.DEFAULT_ALLOWED_CLIENTS;

        @AttributeDefinition(description = "Shared token callers must send as token=... or X-Oreka-Token; empty for none")
        String ApiToken() default "";
    }

    private final CommandDispatcher commands = new CommandDispatcher("orkaudio");
    private final PlainHttpListener listener = new PlainHttpListener("orkaudio-commands", this::handle);
    private volatile ClientGuard guard;

    @Activate
    @Modified
    void configure(Config config) {
        guard = ClientGuard.fromConfiguration("the recorder command API", config.AllowedClients(), config.ApiToken());
        listener.bindOrLog(config.HttpServerPort(), "HttpServerPort");
    }

    @Deactivate
    void deactivate() {
        listener.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(" + Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_RECORDER + ")")
    void bindCommand(Command command, Map<String, Object> properties) {
        commands.bind(command, properties);
    }

    void unbindCommand(Command command, Map<String, Object> properties) {
        commands.unbind(command, properties);
    }

    /** The port listened on, or -1; for tests. */
    int port() {
        return listener.port();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            CommandRequest request = CommandRequest.parse(exchange.getRequestURI().getRawQuery(),
                    exchange.getRemoteAddress().getAddress(), "type");
            String refusal = PlainHttpListener.refusal(guard, exchange, request);
            if (refusal != null) {
                LOG.warn("Refused command '{}': {}", request.name(), refusal);
                PlainHttpListener.sendError(exchange, 403, refusal);
                return;
            }
            if (request.name().isEmpty()) {
                PlainHttpListener.sendError(exchange, 404, "Malformed http request");
                return;
            }
            CommandResponse response = commands.dispatch(request, request.name() + "response").orElse(null);
            if (response == null) {
                PlainHttpListener.sendError(exchange, 404, "Command not found:" + request.name());
                return;
            }
            if (wantsSingleLine(exchange)) {
                send(exchange, 200, SINGLE_LINE, RecorderResponseFormat.singleLine(response));
            } else {
                send(exchange, 200, "text/xml", RecorderResponseFormat.xml(response));
            }
        }
    }

    private static boolean wantsSingleLine(HttpExchange exchange) {
        if (String.valueOf(exchange.getRequestURI()).contains(SINGLE_LINE)) {
            return true;
        }
        for (List<String> values : exchange.getRequestHeaders().values()) {
            for (String value : values) {
                if (value.contains(SINGLE_LINE)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
