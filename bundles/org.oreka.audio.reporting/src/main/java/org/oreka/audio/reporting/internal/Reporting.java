package org.oreka.audio.reporting.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.oreka.audio.reporting.TapeMessageListener;
import org.oreka.audio.session.TapeListener;
import org.oreka.protocol.UrlForm;
import org.oreka.protocol.tracker.TrackerDelivery;
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
@Component(service = {TapeListener.class, TapeProcessor.class, Reporting.class}, configurationPid = "org.oreka.audio",
        property = TapeProcessor.PROPERTY_NAME + "=Reporting")
@Designate(ocd = Reporting.Config.class)
public class Reporting implements TapeListener, TapeProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(Reporting.class);

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
    private final String hostname = hostname();
    private final TrackerDelivery delivery = new TrackerDelivery("Reporting", this::initMessage, this::readyAnswered);
    private volatile Config config;
    private volatile Path audioRoot;

    @Activate
    void activate(Config config) {
        modified(config);
    }

    @Modified
    synchronized void modified(Config config) {
        this.config = config;
        Path folder = config.ReportingQueuePath().isBlank()
                ? Paths.get(System.getProperty("karaf.data", "data"), "reporting") : Paths.get(config.ReportingQueuePath());
        audioRoot = config.AudioOutputPath().isBlank()
                ? Paths.get(System.getProperty("karaf.data", "data"), "audio").toAbsolutePath()
                : Paths.get(config.AudioOutputPath()).toAbsolutePath();
        delivery.configure(new TrackerDelivery.Settings(config.TrackerHostname(), config.TrackerTcpPort(),
                config.TrackerTlsPort(), config.TrackerServicename(), config.ClientTimeout(), config.ClientRetryPeriodSec(),
                folder));
    }

    @Deactivate
    synchronized void deactivate() throws IOException {
        delivery.close();
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

    /**
     * Queues a message reported before once more (the {@code reporttape} command); trackers take it again
     * idempotently.
     *
     * @throws UncheckedIOException when the queue cannot be written
     */
    void reportAgain(Map<String, String> fields) {
        queue(fields);
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
        if (!config.EnableReporting()) {
            return;
        }
        try {
            delivery.queue(message, fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    private static String hostname() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
