package org.oreka.track.screen.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.oreka.protocol.UrlForm;
import org.oreka.track.storage.AgentLogin;
import org.oreka.track.storage.AgentTracking;
import org.oreka.track.storage.LiveCall;
import org.oreka.track.storage.RecordingListener;
import org.oreka.track.storage.Workstation;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Automatic screen recording: when a call's recording starts at a device (its local party) whose agent is logged in at
 * a workstation ({@code cmd=agentstate}), sends OrkRfb {@code startrfb} for that workstation's VNC port, the agent's
 * login and the call's orkuid; {@code stoprfb} when the call's recording stops. Tape ingestion only queues the event
 * (a bounded queue; when it is full the event is dropped and said once); one thread looks the agent up and calls
 * OrkRfb, logging an unreachable OrkRfb once per outage.
 */
@Component(service = RecordingListener.class, configurationPid = ScreenRecordingTrigger.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ScreenRecordingTrigger.Config.class)
public class ScreenRecordingTrigger implements RecordingListener {

    static final String PID = "org.oreka.track.screen";

    private static final Logger LOG = LoggerFactory.getLogger(ScreenRecordingTrigger.class);
    private static final int DEFAULT_RFB_PORT = 5900;

    @ObjectClassDefinition(name = "OrkTrack automatic screen recording")
    public @interface Config {
        @AttributeDefinition(description = "false: calls start no screen recordings")
        boolean ScreenRecordingEnabled() default true;

        @AttributeDefinition(description = "Where OrkRfb's command API listens: host[:port]")
        String OrkRfbHostname() default "localhost:59170";

        @AttributeDefinition(description = "OrkRfb's ApiToken, sent as X-Oreka-Token; empty for none")
        String OrkRfbApiToken() default "";

        @AttributeDefinition(description = "The VNC password of the agents' desktops; empty when they ask for none")
        String VncPassword() default "";

        @AttributeDefinition(description = "Seconds to wait for OrkRfb's answer (startrfb waits for the VNC handshake)")
        int OrkRfbTimeoutSec() default 20;

        @AttributeDefinition(description = "Call starts and stops waiting to be sent, at most")
        int ScreenQueueSize() default 1000;
    }

    /** A call event waiting to be sent. */
    private record Event(boolean start, String orkuid, String device) {
    }

    private final AgentTracking agents;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** Calls whose screen recording was started here, so that stoprfb goes only to those. */
    private final Set<String> recording = ConcurrentHashMap.newKeySet();
    private volatile Config config;
    private volatile BlockingQueue<Event> queue;
    private volatile boolean running = true;
    private volatile boolean dropping;
    private boolean failing;
    private final Thread sender;

    @Activate
    public ScreenRecordingTrigger(@Reference AgentTracking agents, Config config) {
        this.agents = agents;
        modified(config);
        sender = new Thread(this::send, "orktrack-screen");
        sender.setDaemon(true);
        sender.start();
    }

    @Modified
    void modified(Config config) {
        this.config = config;
        BlockingQueue<Event> previous = queue;
        if (previous == null || previous.remainingCapacity() + previous.size() != Math.max(1, config.ScreenQueueSize())) {
            BlockingQueue<Event> resized = new ArrayBlockingQueue<>(Math.max(1, config.ScreenQueueSize()));
            if (previous != null) {
                previous.drainTo(resized, resized.remainingCapacity());
            }
            queue = resized;
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        running = false;
        sender.interrupt();
        sender.join(5000);
    }

    @Override
    public void recordingStarted(LiveCall call) {
        if (config.ScreenRecordingEnabled() && call.localParty() != null && !call.localParty().isBlank()) {
            enqueue(new Event(true, call.orkuid(), call.localParty()));
        }
    }

    @Override
    public void recordingStopped(String orkuid) {
        // Queued whatever the call: its start may still be waiting in the queue, to be sent first.
        enqueue(new Event(false, orkuid, null));
    }

    private void enqueue(Event event) {
        if (queue.offer(event)) {
            dropping = false;
        } else if (!dropping) {
            dropping = true;
            LOG.warn("Screen recording queue is full (ScreenQueueSize {}): call events are dropped until it drains",
                    config.ScreenQueueSize());
        }
    }

    private void send() {
        while (running) {
            Event event;
            BlockingQueue<Event> current = queue;
            try {
                event = current.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (event == null) {
                continue;
            }
            try {
                if (event.start()) {
                    start(event);
                } else {
                    stop(event.orkuid());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Screen recording for call {} failed: {}", event.orkuid(), e.toString());
            }
        }
    }

    private void start(Event event) throws InterruptedException {
        Optional<AgentLogin> login = agents.atDevice(event.device());
        if (login.isEmpty() || login.get().workstation() == null || login.get().workstation().isBlank()) {
            return;
        }
        AgentLogin agent = login.get();
        int port = agent.rfbPort() != null ? agent.rfbPort()
                : agents.workstation(agent.workstation()).map(Workstation::rfbPort).orElse(DEFAULT_RFB_PORT);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("type", "startrfb");
        query.put("hostname", agent.workstation());
        query.put("port", Integer.toString(port));
        query.put("loginstring", agent.agent());
        query.put("username", agent.agent());
        query.put("password", config.VncPassword());
        query.put("orkuid", event.orkuid());
        // Marked before the answer: a stop must follow even when startrfb timed out after OrkRfb began recording.
        recording.add(event.orkuid());
        if (!call(query)) {
            recording.remove(event.orkuid());
        }
    }

    private void stop(String orkuid) throws InterruptedException {
        if (!recording.contains(orkuid)) {
            return;
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("type", "stoprfb");
        query.put("orkuid", orkuid);
        call(query);
        recording.remove(orkuid);
    }

    /** Sends one command; returns whether OrkRfb answered success. */
    private boolean call(Map<String, String> query) throws InterruptedException {
        Config c = config;
        String form = UrlForm.format(query);
        URI uri = URI.create("http://" + c.OrkRfbHostname().trim() + "/command?" + form.substring(0, form.length() - 1));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(Math.max(1, c.OrkRfbTimeoutSec())));
        if (!c.OrkRfbApiToken().isEmpty()) {
            request.header("X-Oreka-Token", c.OrkRfbApiToken());
        }
        try {
            HttpResponse<String> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
            if (failing) {
                failing = false;
                LOG.info("OrkRfb at {} answers again", c.OrkRfbHostname());
            }
            boolean success = response.statusCode() == 200 && response.body().contains("<success>true</success>");
            if (!success) {
                LOG.warn("OrkRfb refused {} for call {}: HTTP {} {}", query.get("type"), query.get("orkuid"),
                        response.statusCode(), response.body().strip());
            }
            return success;
        } catch (IOException e) {
            if (!failing) {
                failing = true;
                LOG.warn("OrkRfb at {} cannot be reached ({}); screen recordings of calls are missed until it answers",
                        c.OrkRfbHostname(), e.toString());
            }
            return false;
        }
    }
}
