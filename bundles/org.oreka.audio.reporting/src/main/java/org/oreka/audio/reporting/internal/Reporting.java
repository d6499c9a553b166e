package org.oreka.audio.reporting.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.oreka.audio.reporting.TapeMessageListener;
import org.oreka.audio.session.TapeListener;
import org.oreka.protocol.SingleLine;
import org.oreka.protocol.tracker.Outbox;
import org.oreka.protocol.tracker.Tracker;
import org.oreka.protocol.tracker.TrackerSender;
import org.oreka.protocol.UrlForm;
import org.oreka.sdk.tape.TagDTO;
import org.oreka.sdk.tape.Tape;
import org.oreka.sdk.tape.TapeDTO;
import org.oreka.sdk.tape.TapeProcessor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
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
 * The Reporting tape processor: queues the recorder's messages on disk and delivers them to every tracker of
 * {@code TrackerHostname} — {@code stage=start}, {@code update}, {@code stop} (and {@code hold}/{@code resume} with
 * {@code HoldResumeReportEvents}) as the session tracker reports them, {@code addtag} for tags added during a call, and {@code stage=ready} when a tape reaches this processor —
 * and passes each one to the {@link TapeMessageListener}s (the live event stream). A tracker's {@code
 * deletetape=true} answer to a ready message deletes the recording.
 */
@Component(service = {TapeListener.class, TapeProcessor.class}, configurationPid = "org.oreka.audio",
        property = TapeProcessor.PROPERTY_NAME + "=Reporting")
@Designate(ocd = Reporting.Config.class)
public class Reporting implements TapeListener, TapeProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(Reporting.class);
    private static final long SEGMENT_BYTES = 16L << 20;

    @ObjectClassDefinition(name = "Oreka Reporting")
    public @interface Config {
        @AttributeDefinition(description = "Trackers, CSV of [http(s)://]host[:port][/service]")
        String TrackerHostname() default "localhost";

        int TrackerTcpPort() default 8080;

        int TrackerTlsPort() default 8443;

        String TrackerServicename() default "orktrack";

        @AttributeDefinition(description = "Seconds to wait for a tracker's answer")
        int ClientTimeout() default 5;

        @AttributeDefinition(description = "Seconds between two attempts to deliver a message")
        int ClientRetryPeriodSec() default 2;

        @AttributeDefinition(description = "false: messages go to the event stream only")
        boolean EnableReporting() default true;

        @AttributeDefinition(description = "Report stage=hold and stage=resume when a call goes on and off hold")
        boolean HoldResumeReportEvents() default false;

        String ServiceName() default "";

        int HttpServerPort() default 59140;

        int EventStreamingServerPort() default 59150;

        int LiveStreamingServerPort() default 59120;

        @AttributeDefinition(description = "Root folder of the recordings; empty means ${karaf.data}/audio")
        String AudioOutputPath() default "";

        @AttributeDefinition(description = "Folder of the reporting queue; empty means ${karaf.data}/reporting")
        String ReportingQueuePath() default "";
    }

    private final List<TapeMessageListener> listeners = new CopyOnWriteArrayList<>();
    /** The running senders by tracker name; replaced as a whole, so the recorder's threads read it without locks. */
    private volatile Map<String, TrackerSender> senders = Map.of();
    private final String hostname = hostname();
    private final ScheduledExecutorService syncer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "reporting-sync");
        t.setDaemon(true);
        return t;
    });
    private volatile Config config;
    private volatile Path audioRoot;
    private volatile Outbox outbox;

    @Activate
    void activate(Config config) {
        syncer.scheduleWithFixedDelay(this::sync, 1, 1, TimeUnit.SECONDS);
        modified(config);
    }

    @Modified
    synchronized void modified(Config config) {
        this.config = config;
        Path folder = (config.ReportingQueuePath().isBlank()
                ? Paths.get(System.getProperty("karaf.data", "data"), "reporting") : Paths.get(config.ReportingQueuePath()))
                .toAbsolutePath();
        audioRoot = config.AudioOutputPath().isBlank()
                ? Paths.get(System.getProperty("karaf.data", "data"), "audio").toAbsolutePath()
                : Paths.get(config.AudioOutputPath()).toAbsolutePath();
        Map<String, Tracker> wanted = new LinkedHashMap<>();
        Duration timeout = Duration.ofSeconds(Math.max(1, config.ClientTimeout()));
        for (String entry : config.TrackerHostname().split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            try {
                Tracker tracker = Tracker.parse(entry, config.TrackerTcpPort(), config.TrackerTlsPort(),
                        config.TrackerServicename(), timeout);
                wanted.put(tracker.name(), tracker);
            } catch (IllegalArgumentException e) {
                LOG.error("TrackerHostname: {}; that tracker gets no messages", e.getMessage());
            }
        }
        // Senders are rebuilt so that new timeouts and retry periods apply; their queue positions are kept.
        for (TrackerSender sender : senders.values()) {
            sender.stop();
        }
        if (outbox == null || !outbox.folder().equals(folder)) {
            if (!openQueue(folder)) {
                senders = Map.of();
                return;
            }
        }
        for (String gone : senders.keySet()) {
            if (!wanted.containsKey(gone)) {
                try {
                    outbox.removeCursor(senders.get(gone).tracker().fileName());
                } catch (IOException e) {
                    LOG.warn("Reporting: cannot forget the queue position of {}: {}", gone, e.getMessage());
                }
            }
        }
        Map<String, TrackerSender> started = new LinkedHashMap<>();
        for (Tracker tracker : wanted.values()) {
            try {
                TrackerSender sender = new TrackerSender(tracker, outbox.cursor(tracker.fileName()), this::initMessage,
                        Duration.ofSeconds(Math.max(1, config.ClientRetryPeriodSec())),
                        Duration.ofSeconds(config.ClientTimeout() + 10L), this::readyAnswered);
                started.put(tracker.name(), sender);
                sender.start();
            } catch (IOException e) {
                LOG.error("Reporting to {} cannot start: {}", tracker.name(), e.getMessage());
            }
        }
        senders = java.util.Collections.unmodifiableMap(started);
        LOG.info("Reporting to {}", senders.isEmpty() ? "no tracker" : String.join(", ", senders.keySet()));
    }

    /** Opens the queue in {@code folder}, closing the previous one (whose undelivered messages stay there). */
    private boolean openQueue(Path folder) {
        try {
            Outbox opened = new Outbox(folder, SEGMENT_BYTES);
            if (outbox != null) {
                long left = senders.values().stream().mapToLong(s -> outbox.backlog(s.cursor())).max().orElse(0);
                if (left > 0) {
                    LOG.warn("ReportingQueuePath moved to {}: {} undelivered messages stay in {}", folder, left, outbox.folder());
                }
                outbox.close();
            }
            outbox = opened;
            return true;
        } catch (IOException e) {
            LOG.error("Reporting cannot open its queue in {}: {}; nothing is reported until ReportingQueuePath is fixed",
                    folder, e.getMessage());
            return false;
        }
    }

    @Deactivate
    synchronized void deactivate() throws IOException {
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

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindListener(TapeMessageListener listener) {
        listeners.add(listener);
    }

    void unbindListener(TapeMessageListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void tapeStarted(TapeDTO tape) {
        report(TapeMessages.tape(tape, "start"));
    }

    @Override
    public void tapeUpdated(TapeDTO tape) {
        report(TapeMessages.tape(tape, "update"));
    }

    @Override
    public void tapeHeld(TapeDTO tape, boolean onHold) {
        if (config.HoldResumeReportEvents()) {
            report(TapeMessages.tape(tape, onHold ? "hold" : "resume"));
        }
    }

    @Override
    public void tapeStopped(TapeDTO tape) {
        report(TapeMessages.tape(tape, "stop"));
    }

    @Override
    public void tagAdded(TagDTO tag) {
        report(TapeMessages.addTag(tag));
    }

    /** The tape reached Reporting in the chain: its ready message is queued (delivery goes on in the background). */
    @Override
    public Result process(Tape tape) {
        try {
            queue(TapeMessages.tape(tape.data(), "ready"));
            return Result.DONE;
        } catch (UncheckedIOException e) {
            LOG.warn("Reporting cannot queue the ready message of {} yet: {}", tape.data().orkuid, e.getCause().getMessage());
            return Result.RETRY_LATER;
        }
    }

    /** Queues a message from the session tracker; a failure to write the queue is logged, never thrown. */
    private void report(Map<String, String> fields) {
        try {
            queue(fields);
        } catch (UncheckedIOException e) {
            LOG.error("Reporting lost a {} message of {}: {}", fields.getOrDefault("stage", fields.get("type")),
                    fields.getOrDefault("recid", fields.get("orkuid")), e.getCause().getMessage());
        }
    }

    private void queue(Map<String, String> fields) {
        String message = UrlForm.format(fields);
        for (TapeMessageListener listener : listeners) {
            try {
                listener.message(message);
            } catch (RuntimeException e) {
                LOG.warn("A tape message listener failed: {}", e.toString());
            }
        }
        Outbox box = outbox;
        Map<String, TrackerSender> trackers = senders;
        if (!config.EnableReporting() || trackers.isEmpty() || box == null) {
            return;
        }
        try {
            box.append(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (TrackerSender.MESSAGES.isInfoEnabled()) {
            String line = SingleLine.format(fields);
            trackers.forEach((tracker, sender) -> TrackerSender.MESSAGES.info("[{}] queuesize:{} enqueued: {}", tracker,
                    box.backlog(sender.cursor()), line));
        }
    }

    private String initMessage() {
        Config c = config;
        return UrlForm.format(TapeMessages.init(new TapeMessages.RecorderIdentity(
                c.ServiceName().isBlank() ? "orkaudio-" + hostname : c.ServiceName(), hostname, c.HttpServerPort(),
                c.TrackerTcpPort(), audioRoot.toString(), c.LiveStreamingServerPort())));
    }

    /** A tracker answered a ready message: {@code deletetape=true} deletes the recording. */
    private void readyAnswered(Map<String, String> answer) {
        if (!"true".equals(answer.get("deletetape"))) {
            return;
        }
        String file = answer.getOrDefault("message.filename", "");
        Path root = audioRoot;
        Path target = root.resolve(file).normalize();
        if (file.isEmpty() || !target.startsWith(root) || target.equals(root)) {
            LOG.warn("A tracker asked to delete '{}', which is not a recording under {}; kept", file, root);
            return;
        }
        try {
            if (Files.deleteIfExists(target)) {
                LOG.info("Deleted {}: no program keeps it", file);
            }
        } catch (IOException e) {
            LOG.warn("Cannot delete {}: {}", target, e.getMessage());
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
            LOG.warn("Reporting queue cannot be synced to disk: {}", e.getMessage());
        }
    }

    private static String hostname() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
