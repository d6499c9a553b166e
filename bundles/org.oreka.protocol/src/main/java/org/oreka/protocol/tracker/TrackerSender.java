package org.oreka.protocol.tracker;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.oreka.protocol.SingleLine;
import org.oreka.protocol.UrlForm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that delivers the queue to one tracker: the {@code init} handshake first (repeated until it
 * succeeds: after Oreka's init period when the tracker refused it, after the retry period when it could not be
 * reached), then every message in order, each retried until the tracker has it, so an outage only delays them.
 * Writes Oreka's {@code messages.log} lines (logger {@code reporting}).
 */
public final class TrackerSender implements Runnable {

    /** Oreka's {@code messages.log}: every message queued, sent and answered. */
    public static final Logger MESSAGES = LoggerFactory.getLogger("reporting");
    private static final long CONNECT_ERROR_LOG_MILLIS = 60_000;

    private final Tracker tracker;
    private final Outbox.Cursor cursor;
    private final Supplier<String> init;
    private final Duration retry;
    private final Duration initRepeat;
    private final Consumer<Map<String, String>> readyAnswered;
    private final Thread thread;
    private volatile boolean running = true;
    private long lastConnectErrorLog;
    private boolean failing;

    /**
     * @param readyAnswered hears the tracker's answer fields to each {@code stage=ready} message, with the
     *        message's own fields under {@code message.}-prefixed keys
     */
    public TrackerSender(Tracker tracker, Outbox.Cursor cursor, Supplier<String> init, Duration retry, Duration initRepeat,
            Consumer<Map<String, String>> readyAnswered) {
        this.tracker = tracker;
        this.cursor = cursor;
        this.init = init;
        this.retry = retry;
        this.initRepeat = initRepeat;
        this.readyAnswered = readyAnswered;
        this.thread = new Thread(this, "reporting-" + tracker.name());
        thread.setDaemon(true);
    }

    public Tracker tracker() {
        return tracker;
    }

    /** This tracker's position in the queue. */
    public Outbox.Cursor cursor() {
        return cursor;
    }

    public void start() {
        thread.start();
    }

    public void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        try {
            handshake();
            while (running) {
                List<Outbox.Entry> entries = cursor.next(64, 1000);
                for (Outbox.Entry entry : entries) {
                    deliver(entry);
                    cursor.delivered(entry);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            if (running) {
                LoggerFactory.getLogger(TrackerSender.class).error("Reporting to {} stopped: its queue cannot be read: {}",
                        tracker.name(), e.getMessage());
            }
        }
    }

    private void handshake() throws InterruptedException {
        while (running) {
            String message = init.get();
            try {
                Tracker.Reply reply = tracker.send(message);
                boolean success = "true".equals(reply.fields().get("success"));
                MESSAGES.info("[{}] init connection:true success:{} comment:{}", tracker.name(), success,
                        reply.fields().getOrDefault("comment", "HTTP " + reply.status()));
                if (success) {
                    connected();
                    return;
                }
                if (reply.status() == 200) {
                    // The tracker answered and refused: ask again after Oreka's init period.
                    Thread.sleep(initRepeat.toMillis());
                    continue;
                }
            } catch (IOException e) {
                connectionFailed();
            }
            // Not there yet (OrkTrack starting beside the recorder): try again soon.
            Thread.sleep(retry.toMillis());
        }
    }

    private void deliver(Outbox.Entry entry) throws InterruptedException {
        Map<String, String> fields = UrlForm.parse(entry.message());
        String line = SingleLine.format(fields);
        while (running) {
            MESSAGES.info("[{}] timedeltasecs:{} sending: {}", tracker.name(),
                    (System.currentTimeMillis() - entry.queuedMillis()) / 1000, line);
            try {
                Tracker.Reply reply = tracker.send(entry.message());
                if (reply.delivered()) {
                    connected();
                    if (reply.status() != 200) {
                        MESSAGES.warn("[{}] HTTP {}: the tracker refused the message; not sent again", tracker.name(),
                                reply.status());
                    } else if ("tape".equals(fields.get("type")) && "ready".equals(fields.get("stage"))) {
                        Map<String, String> answer = new java.util.HashMap<>(reply.fields());
                        fields.forEach((k, v) -> answer.put("message." + k, v));
                        readyAnswered.accept(answer);
                    }
                    return;
                }
                MESSAGES.warn("[{}] HTTP {}: will send again", tracker.name(), reply.status());
            } catch (IOException e) {
                connectionFailed();
            }
            Thread.sleep(retry.toMillis());
        }
        throw new InterruptedException("stopped");
    }

    private void connected() {
        if (failing) {
            MESSAGES.info("[{}] successfully reconnected to the tracker after error", tracker.name());
            failing = false;
        }
    }

    private void connectionFailed() {
        failing = true;
        long now = System.currentTimeMillis();
        if (now - lastConnectErrorLog >= CONNECT_ERROR_LOG_MILLIS) {
            MESSAGES.warn("[{}] could not connect to tracker", tracker.name());
            lastConnectErrorLog = now;
        }
    }
}
