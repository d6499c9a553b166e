package org.oreka.audio.eventstream.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.oreka.audio.reporting.TapeMessageListener;
import org.oreka.protocol.ClientGuard;
import org.oreka.protocol.CommandRequest;
import org.oreka.protocol.PlainHttpListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;

/**
 * Serves the live event stream on {@code EventStreamingServerPort} (59150): a GET (Oreka documents
 * {@code /command?type=streamevents}; any path is taken) keeps its connection open and receives every reported
 * message as a URL-form line ended by CRLF, as it happens. Up to 100 clients, each with a buffer of 10,000 events.
 */
@Component(service = TapeMessageListener.class, configurationPid = "org.oreka.audio",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = EventStream.Config.class)
public class EventStream implements TapeMessageListener {

    static final int MAX_SESSIONS = 100;
    static final int SESSION_EVENTS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    private static final byte[] CRLF = {'\r', '\n'};

    @ObjectClassDefinition(name = "Oreka live event stream")
    public @interface Config {
        @AttributeDefinition(description = "TCP port of the live event stream")
        int EventStreamingServerPort() default 59150;

        @AttributeDefinition(description = "Addresses (CIDR list) allowed to connect")
        String AllowedClients() default ClientGuard.DEFAULT_ALLOWED_CLIENTS;

        @AttributeDefinition(description = "Shared token clients must send as token=... or X-Oreka-Token; empty for none")
        String ApiToken() default "";
    }

    private final List<EventSession> sessions = new CopyOnWriteArrayList<>();
    private final PlainHttpListener listener = new PlainHttpListener("orkaudio-events", this::stream);
    private volatile ClientGuard guard;

    @Activate
    @Modified
    void configure(Config config) {
        guard = ClientGuard.fromConfiguration("the live event stream", config.AllowedClients(), config.ApiToken());
        listener.bindOrLog(config.EventStreamingServerPort(), "EventStreamingServerPort");
    }

    @Deactivate
    void deactivate() {
        sessions.forEach(EventSession::end);
        listener.close();
    }

    /** The port listened on, or -1; for tests. */
    int port() {
        return listener.port();
    }

    /** How many clients are connected. */
    int clients() {
        return sessions.size();
    }

    @Override
    public void message(String urlForm) {
        for (EventSession session : sessions) {
            session.offer(urlForm);
        }
    }

    private void stream(HttpExchange exchange) throws IOException {
        try (exchange) {
            CommandRequest request = CommandRequest.parse(exchange.getRequestURI().getRawQuery(),
                    exchange.getRemoteAddress().getAddress(), "type");
            String refusal = PlainHttpListener.refusal(guard, exchange, request);
            if (refusal != null) {
                LOG.warn("Refused an event stream client: {}", refusal);
                PlainHttpListener.sendError(exchange, 403, refusal);
                return;
            }
            EventSession session = new EventSession(SESSION_EVENTS);
            synchronized (sessions) {
                if (sessions.size() >= MAX_SESSIONS) {
                    PlainHttpListener.sendError(exchange, 503, "the event stream has " + MAX_SESSIONS + " clients already");
                    return;
                }
                sessions.add(session);
            }
            try {
                exchange.getResponseHeaders().set("Content-Type", "text/plain");
                exchange.getResponseHeaders().set("Last-Modified",
                        DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                out.flush();
                while (!session.ended()) {
                    String event = session.take(1000);
                    if (event != null) {
                        out.write(event.getBytes(StandardCharsets.UTF_8));
                        out.write(CRLF);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // the client went away
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                sessions.remove(session);
                if (session.dropped() > 0) {
                    LOG.warn("Event stream client {} read too slowly: {} events were dropped", exchange.getRemoteAddress(),
                            session.dropped());
                }
            }
        }
    }
}
