package org.oreka.audio.eventstream.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The event stream over real sockets: several clients, each event in order, a client that never reads. */
class EventStreamTest {

    private final EventStream stream = new EventStream();

    @BeforeEach
    void listen() {
        stream.configure(config("127.0.0.0/8, ::1"));
    }

    @AfterEach
    void stop() {
        stream.deactivate();
    }

    @Test
    void everyClientGetsEveryEventInOrderAsOneLine() throws Exception {
        try (Socket a = connect(); Socket b = connect()) {
            BufferedReader ra = bodyOf(a);
            BufferedReader rb = bodyOf(b);
            awaitSessions(2);
            for (int i = 0; i < 100; i++) {
                stream.message("type=tape&recid=r" + i + "&stage=start&");
            }
            for (BufferedReader reader : List.of(ra, rb)) {
                List<String> lines = new ArrayList<>();
                while (lines.size() < 100) {
                    String line = reader.readLine();
                    if (!line.isEmpty() && !line.matches("[0-9a-fA-F]+")) {
                        lines.add(line);
                    }
                }
                assertEquals("type=tape&recid=r0&stage=start&", lines.get(0));
                assertEquals("type=tape&recid=r99&stage=start&", lines.get(99));
            }
        }
    }

    @Test
    void aClientThatNeverReadsNeitherBlocksTheRecorderNorTheOtherClients() throws Exception {
        try (Socket stuck = connect(); Socket reading = connect()) {
            BufferedReader reader = bodyOf(reading);
            awaitSessions(2);
            String padding = "x".repeat(200);
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                for (int i = 0; i < 50_000; i++) {
                    stream.message("type=tape&recid=r" + i + "&tags=" + padding + "&");
                }
            }, "publishing never waits for a client");
            int previous = -1;
            while (previous < 49_999) {
                String line = reader.readLine();
                if (line.startsWith("type=")) {
                    int id = Integer.parseInt(line.substring("type=tape&recid=r".length(), line.indexOf("&tags")));
                    assertTrue(id > previous, "events stay in order");
                    previous = id;
                }
            }
        }
    }

    @Test
    void clientsOutsideAllowedClientsAreRefused() throws Exception {
        stream.configure(config("10.0.0.0/8"));
        try (Socket s = connect()) {
            assertTrue(new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine()
                    .startsWith("HTTP/1.1 403"));
        }
    }

    private Socket connect() throws Exception {
        Socket socket = new Socket("127.0.0.1", stream.port());
        OutputStream out = socket.getOutputStream();
        out.write("GET /command?type=streamevents HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** Reads the response head and returns a reader at the body (chunk sizes show up as lines of their own). */
    private static BufferedReader bodyOf(Socket socket) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        assertTrue(reader.readLine().startsWith("HTTP/1.1 200"));
        while (!reader.readLine().isEmpty()) {
            // headers
        }
        return reader;
    }

    private void awaitSessions(int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (stream.clients() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(count, stream.clients());
    }

    private static EventStream.Config config(String allowed) {
        return new EventStream.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return EventStream.Config.class;
            }

            @Override
            public int EventStreamingServerPort() {
                return 0;
            }

            @Override
            public String AllowedClients() {
                return allowed;
            }

            @Override
            public String ApiToken() {
                return "";
            }
        };
    }
}
