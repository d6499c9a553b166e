package org.oreka.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A recorder-side HTTP port (59140 commands, 59150 events, 59120 audio, 59170 screen commands) served by the
 * JDK's HTTP server: Oreka clients expect their paths at the root of these ports, which Pax Web's single
 * root context cannot give on several connectors.
 *
 * <p>The owning component binds it on activation, calls {@link #bind(int)} again when its port setting
 * changes (the listener moves without restarting the component) and closes it on deactivation.
 */
public final class PlainHttpListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PlainHttpListener.class);

    private final String name;
    private final HttpHandler handler;
    private HttpServer server;
    private ExecutorService executor;
    private int port = -1;

    /**
     * @param name what the port serves, for thread names and logs
     * @param handler answers every request, whatever its path
     */
    public PlainHttpListener(String name, HttpHandler handler) {
        this.name = name;
        this.handler = handler;
    }

    /**
     * Listens on {@code port} on every interface, moving from the previous port if there was one. Binding
     * the port already in use by this listener does nothing.
     *
     * @throws IOException when the port cannot be bound; the listener then listens nowhere
     */
    public synchronized void bind(int port) throws IOException {
        if (server != null && port == this.port) {
            return;
        }
        close();
        HttpServer created = HttpServer.create(new InetSocketAddress(port), 64);
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name + "-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        created.setExecutor(executor);
        created.createContext("/", handler);
        created.start();
        server = created;
        this.port = created.getAddress().getPort();
        LOG.info("{} listening on port {}", name, this.port);
    }

    /**
     * Listens on {@code port} as {@link #bind(int)} does or, when the port cannot be bound, logs why (naming the
     * {@code setting} that chose it) and listens nowhere until the setting changes.
     */
    public void bindOrLog(int port, String setting) {
        try {
            bind(port);
        } catch (IOException e) {
            LOG.error("Cannot listen on {} {}: {}; {} is off until the port is changed", setting, port, e.toString(), name);
        }
    }

    /**
     * Asks {@code guard} about a request: its client address and the token it shows (the {@code X-Oreka-Token}
     * header, else the {@code token} parameter).
     *
     * @return why the request is refused, or null when it may go on
     */
    public static String refusal(ClientGuard guard, HttpExchange exchange, CommandRequest request) {
        String header = exchange.getRequestHeaders().getFirst("X-Oreka-Token");
        return guard.refusal(request.client(), header != null ? header : request.get("token").orElse(null));
    }

    /** Answers an error as Oreka's recorder does: the status, and {@code Error}, the reason, each on a line. */
    public static void sendError(HttpExchange exchange, int status, String reason) throws IOException {
        byte[] body = ("Error\r\n" + reason + "\r\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The port listened on, or -1 when not listening. */
    public synchronized int port() {
        return server == null ? -1 : port;
    }

    /** Stops listening and ends open exchanges. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            LOG.info("{} stopped listening on port {}", name, port);
            server = null;
            executor = null;
            port = -1;
        }
    }
}
