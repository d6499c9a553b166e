package org.oreka.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests of a recorder-side command port (59140, 59170): every request, whatever its path, is checked by the
 * {@link ClientGuard} and dispatched by its {@code type} parameter to the command of that name, answered in Oreka's
 * XML {@code <response>} form, or the single-line form when the caller asks for {@code text/single-line}. Unknown
 * commands are answered {@code 404 Command not found:<type>}, as OrkAudio does.
 */
public final class PlainCommandHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(PlainCommandHandler.class);
    private static final String SINGLE_LINE = "text/single-line";

    private final CommandDispatcher commands;
    private volatile ClientGuard guard = new ClientGuard("", "");

    /** @param commands the commands of the port; the handler refuses everyone until {@link #guard(ClientGuard)} */
    public PlainCommandHandler(CommandDispatcher commands) {
        this.commands = commands;
    }

    /** Sets who may call (a configuration change applies to the next request). */
    public void guard(ClientGuard guard) {
        this.guard = guard;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
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
