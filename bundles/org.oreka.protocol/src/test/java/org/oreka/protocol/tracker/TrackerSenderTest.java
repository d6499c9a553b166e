package org.oreka.protocol.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A tracker sender against a real HTTP server playing OrkTrack, down for a while and then up. */
class TrackerSenderTest {

    @TempDir
    Path folder;

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicInteger initFailures = new AtomicInteger();
    private Outbox.Cursor cursor;

    @BeforeEach
    void startTracker() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/orktrack/command", this::answer);
        server.start();
    }

    @AfterEach
    void stopTracker() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String body;
        int status = 200;
        if (down.get()) {
            status = 503;
            body = "down";
        } else if (query.startsWith("type=init") && initFailures.getAndDecrement() > 0) {
            body = "class=simpleresponse success=false comment=not%syet";
        } else if (query.contains("recid=bad")) {
            status = 400;
            body = "class=taperesponse success=false comment=refused";
        } else {
            received.add(query);
            body = query.contains("stage=ready") && query.contains("recid=drop")
                    ? "class=taperesponse success=true comment= deletetape=true"
                    : "class=taperesponse success=true comment= deletetape=false";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private TrackerSender sender(Outbox box, List<Map<String, String>> readyAnswers) throws IOException {
        Tracker tracker = Tracker.parse("http://127.0.0.1:" + server.getAddress().getPort(), 8080, 8443, "orktrack",
                Duration.ofSeconds(2));
        cursor = box.cursor(tracker.fileName());
        return new TrackerSender(tracker, cursor, () -> "type=init&name=rec&",
                Duration.ofMillis(50), Duration.ofMillis(50), readyAnswers::add);
    }

    @Test
    void theHandshakeComesFirstAndEveryMessageArrivesInOrderAcrossAnOutage() throws Exception {
        initFailures.set(2);
        down.set(true);
        List<Map<String, String>> answers = new CopyOnWriteArrayList<>();
        try (Outbox box = new Outbox(folder, 1 << 20)) {
            TrackerSender sender = sender(box, answers);
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                for (String stage : new String[] {"start", "stop", "ready"}) {
                    String message = "type=tape&recid=r" + i + "&stage=" + stage + "&filename=f" + i + ".wav&";
                    box.append(message);
                    sent.add(message);
                }
            }
            sender.start();
            Thread.sleep(300);
            assertTrue(received.isEmpty(), "nothing reaches a tracker that is down");
            down.set(false);
            awaitCount(received, 1 + sent.size());
            awaitDelivered(sent.size());
            sender.stop();
            assertEquals("type=init&name=rec&", received.get(0), "init first, after two refusals");
            assertEquals(sent, received.subList(1, received.size()), "each message once, in order");
            assertEquals(20, answers.size(), "every ready answer is heard");
            assertEquals("f7.wav", answers.get(7).get("message.filename"));
        }
    }

    @Test
    void aRefusedMessageIsNotSentAgainAndTheQueuePositionSurvivesARestart() throws Exception {
        try (Outbox box = new Outbox(folder, 1 << 20)) {
            TrackerSender sender = sender(box, new ArrayList<>());
            box.append("type=tape&recid=bad&stage=stop&");
            box.append("type=tape&recid=good&stage=stop&");
            sender.start();
            awaitCount(received, 2);
            awaitDelivered(2);
            sender.stop();
            assertEquals(List.of("type=init&name=rec&", "type=tape&recid=good&stage=stop&"), received);
        }
        received.clear();
        try (Outbox box = new Outbox(folder, 1 << 20)) {
            box.append("type=tape&recid=later&stage=stop&");
            TrackerSender sender = sender(box, new ArrayList<>());
            sender.start();
            awaitCount(received, 2);
            Thread.sleep(200);
            sender.stop();
            assertEquals(List.of("type=init&name=rec&", "type=tape&recid=later&stage=stop&"), received,
                    "delivered messages are not sent again after a restart");
            assertFalse(received.contains("type=tape&recid=good&stage=stop&"));
        }
    }

    /** Waits until the sender has recorded the delivery of message {@code seq} (stopped before, it sends it again). */
    private void awaitDelivered(long seq) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline && cursor.deliveredSeq() < seq) {
            Thread.sleep(20);
        }
        assertEquals(seq, cursor.deliveredSeq());
    }

    private static void awaitCount(List<String> list, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (list.size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(count, list.size(), "messages received: " + list);
    }
}
