package org.oreka.protocol.tracker;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a component needs to report to the OrkTracks of a {@code TrackerHostname} list: the queue on disk, one
 * sender per tracker, and the sync of the queue to disk every second. A new configuration moves the queue or changes
 * the trackers without losing a queued message; a tracker taken off the list forgets its position.
 */
public final class TrackerDelivery implements AutoCloseable {

    /** The trackers and how to reach them, with Oreka's key names. */
    public record Settings(String trackerHostname, int trackerTcpPort, int trackerTlsPort, String trackerServicename,
            int clientTimeoutSec, int clientRetryPeriodSec, Path queueFolder) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(TrackerDelivery.class);
    private static final long SEGMENT_BYTES = 16L << 20;

    private final String component;
    private final Supplier<String> init;
    private final Consumer<Map<String, String>> readyAnswered;
    /** The running senders by tracker name; replaced as a whole, so queuing threads read it without locks. */
    private volatile Map<String, TrackerSender> senders = Map.of();
    private volatile Outbox outbox;
    private final ScheduledExecutorService syncer;

    /**
     * @param component what reports, for log messages and the sync thread's name
     * @param init the {@code type=init} message each sender starts with
     * @param readyAnswered hears each tracker's answer to a {@code stage=ready} message (see {@link TrackerSender})
     */
    public TrackerDelivery(String component, Supplier<String> init, Consumer<Map<String, String>> readyAnswered) {
        this.component = component;
        this.init = init;
        this.readyAnswered = readyAnswered;
        this.syncer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, component + "-sync");
            t.setDaemon(true);
            return t;
        });
        syncer.scheduleWithFixedDelay(this::sync, 1, 1, TimeUnit.SECONDS);
    }

    /** Applies a configuration: senders are rebuilt so new timeouts apply; queue positions are kept. */
    public synchronized void configure(Settings settings) {
        Map<String, Tracker> wanted = new LinkedHashMap<>();
        Duration timeout = Duration.ofSeconds(Math.max(1, settings.clientTimeoutSec()));
        for (String entry : settings.trackerHostname().split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            try {
                Tracker tracker = Tracker.parse(entry, settings.trackerTcpPort(), settings.trackerTlsPort(),
                        settings.trackerServicename(), timeout);
                wanted.put(tracker.name(), tracker);
            } catch (IllegalArgumentException e) {
                LOG.error("TrackerHostname: {}; that tracker gets no messages", e.getMessage());
            }
        }
        for (TrackerSender sender : senders.values()) {
            sender.stop();
        }
        Path folder = settings.queueFolder().toAbsolutePath();
        if ((outbox == null || !outbox.folder().equals(folder)) && !openQueue(folder)) {
            senders = Map.of();
            return;
        }
        for (String gone : senders.keySet()) {
            if (!wanted.containsKey(gone)) {
                try {
                    outbox.removeCursor(senders.get(gone).tracker().fileName());
                } catch (IOException e) {
                    LOG.warn("{}: cannot forget the queue position of {}: {}", component, gone, e.getMessage());
                }
            }
        }
        Map<String, TrackerSender> started = new LinkedHashMap<>();
        for (Tracker tracker : wanted.values()) {
            try {
                TrackerSender sender = new TrackerSender(tracker, outbox.cursor(tracker.fileName()), init,
                        Duration.ofSeconds(Math.max(1, settings.clientRetryPeriodSec())),
                        Duration.ofSeconds(settings.clientTimeoutSec() + 10L), readyAnswered);
                started.put(tracker.name(), sender);
                sender.start();
            } catch (IOException e) {
                LOG.error("{} to {} cannot start: {}", component, tracker.name(), e.getMessage());
            }
        }
        senders = Collections.unmodifiableMap(started);
        LOG.info("{} to {}", component, senders.isEmpty() ? "no tracker" : String.join(", ", senders.keySet()));
    }

    /** Opens the queue in {@code folder}, closing the previous one (whose undelivered messages stay there). */
    private boolean openQueue(Path folder) {
        try {
            Outbox opened = new Outbox(folder, SEGMENT_BYTES);
            if (outbox != null) {
                long left = senders.values().stream().mapToLong(s -> outbox.backlog(s.cursor())).max().orElse(0);
                if (left > 0) {
                    LOG.warn("{}: the queue moved to {}: {} undelivered messages stay in {}", component, folder, left,
                            outbox.folder());
                }
                outbox.close();
            }
            outbox = opened;
            return true;
        } catch (IOException e) {
            LOG.error("{} cannot open its queue in {}: {}; nothing is reported until its folder is fixed", component,
                    folder, e.getMessage());
            return false;
        }
    }

    /**
     * Queues a URL-form message for every tracker; it is on disk when this returns. Does nothing without trackers.
     *
     * @param fields the message's fields, for messages.log
     */
    public void queue(String message, Map<String, String> fields) throws IOException {
        Outbox box = outbox;
        Map<String, TrackerSender> trackers = senders;
        if (trackers.isEmpty() || box == null) {
            return;
        }
        box.append(message);
        if (TrackerSender.MESSAGES.isInfoEnabled()) {
            String line = org.oreka.protocol.SingleLine.format(fields);
            trackers.forEach((tracker, sender) -> TrackerSender.MESSAGES.info("[{}] queuesize:{} enqueued: {}", tracker,
                    box.backlog(sender.cursor()), line));
        }
    }

    private void sync() {
        Outbox box = outbox;
        if (box == null) {
            return;
        }
        try {
            box.sync();
        } catch (IOException e) {
            LOG.warn("{}: the queue cannot be synced to disk: {}", component, e.getMessage());
        }
    }

    /** Stops the senders, syncs and closes the queue. */
    @Override
    public synchronized void close() throws IOException {
        for (TrackerSender sender : senders.values()) {
            sender.stop();
        }
        senders = Map.of();
        syncer.shutdownNow();
        if (outbox != null) {
            sync();
            outbox.close();
        }
    }
}
