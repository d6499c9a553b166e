package org.oreka.rfb.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.oreka.protocol.UrlForm;
import org.oreka.protocol.tracker.TrackerDelivery;
import org.oreka.rfb.ScreenFiles;
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

/**
 * The screen recordings in progress, by the orkuid of the call they belong to: starts one per {@code startrfb}
 * (connecting to the agent's VNC server and starting ffmpeg), pauses and resumes it, stops it, and reports each to
 * OrkTrack as a tape with {@code mediatype=S} ({@code start} when it begins, {@code stop} and {@code ready} once its
 * video is finished) through a queue on disk.
 */
@Component(service = {ScreenRecorder.class, ScreenFiles.class}, configurationPid = ScreenRecorder.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ScreenRecorder.Config.class)
public class ScreenRecorder implements ScreenFiles {

    /** OrkRfb's configuration. */
    public static final String PID = "org.oreka.rfb";

    /** An orkuid as it may appear in a file name: no separators, no leading dot. */
    static final Pattern ORKUID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,47}");

    private static final Logger LOG = LoggerFactory.getLogger(ScreenRecorder.class);
    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyy/MM/dd/HH");
    private static final DateTimeFormatter RECID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    @ObjectClassDefinition(name = "Oreka screen recorder (OrkRfb)")
    public @interface Config {
        @AttributeDefinition(description = "Root folder of the screen recordings; empty means ${karaf.data}/screen")
        String ScreenOutputPath() default "";

        @AttributeDefinition(description = "Frames per second of the videos")
        int ScreenFrameRate() default 5;

        @AttributeDefinition(description = "Video codec of the WebM files: vp8 or vp9")
        String ScreenVideoFormat() default "vp8";

        @AttributeDefinition(description = "The ffmpeg program")
        String FfmpegPath() default "ffmpeg";

        @AttributeDefinition(description = "Screen recordings at the same time, at most")
        int MaxScreenRecordings() default 200;

        @AttributeDefinition(description = "Seconds to reach a VNC server")
        int RfbConnectTimeoutSec() default 10;

        @AttributeDefinition(description = "Seconds a VNC server may stall in the middle of a message")
        int RfbReadTimeoutSec() default 30;

        @AttributeDefinition(description = "Trackers, CSV of [http(s)://]host[:port][/service]")
        String TrackerHostname() default "localhost";

        int TrackerTcpPort() default 8080;

        int TrackerTlsPort() default 8443;

        String TrackerServicename() default "orktrack";

        @AttributeDefinition(description = "Seconds to wait for a tracker's answer")
        int ClientTimeout() default 5;

        @AttributeDefinition(description = "Seconds between two attempts to deliver a message")
        int ClientRetryPeriodSec() default 2;

        @AttributeDefinition(description = "false: screen recordings are not reported to OrkTrack")
        boolean EnableReporting() default true;

        @AttributeDefinition(description = "Folder of the reporting queue; empty means ${karaf.data}/rfb-reporting")
        String ReportingQueuePath() default "";

        @AttributeDefinition(description = "The name OrkTrack knows this screen recorder by; empty: orkrfb-<host name>")
        String ServiceName() default "";

        int HttpServerPort() default 59170;
    }

    /** What a command did, for its answer. */
    record Outcome(boolean success, String comment) {
    }

    private final Map<String, ScreenRecording> recordings = new ConcurrentHashMap<>();
    /** Orkuids whose recording is connecting to its VNC server. */
    private final Set<String> starting = ConcurrentHashMap.newKeySet();
    private final String hostname = hostname();
    private final TrackerDelivery delivery = new TrackerDelivery("OrkRfb reporting", this::initMessage, answer -> { });
    private volatile Config config;
    private volatile Path root;

    @Activate
    @Modified
    void configure(Config config) {
        this.config = config;
        String data = System.getProperty("karaf.data", "data");
        root = (config.ScreenOutputPath().isBlank() ? Paths.get(data, "screen") : Paths.get(config.ScreenOutputPath()))
                .toAbsolutePath().normalize();
        delivery.configure(new TrackerDelivery.Settings(config.TrackerHostname(), config.TrackerTcpPort(),
                config.TrackerTlsPort(), config.TrackerServicename(), config.ClientTimeout(), config.ClientRetryPeriodSec(),
                config.ReportingQueuePath().isBlank() ? Paths.get(data, "rfb-reporting") : Paths.get(config.ReportingQueuePath())));
    }

    /** Stops every recording (their videos are finished and reported) and the reporting. */
    @Deactivate
    void deactivate() throws IOException {
        for (ScreenRecording recording : recordings.values()) {
            try {
                recording.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        delivery.close();
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public Optional<Path> video(String filename) {
        if (filename == null || filename.isBlank()) {
            return Optional.empty();
        }
        Path base = root;
        Path file;
        try {
            file = base.resolve(filename).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
        return file.startsWith(base) && !file.equals(base) && file.getFileName().toString().endsWith(".webm")
                && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /**
     * {@code startrfb}: starts recording the target's screen for its orkuid, or resumes the orkuid's paused recording.
     * Answers once the VNC handshake is done, so a wrong password or an unreachable desktop is the answer.
     */
    Outcome start(RfbTarget target) {
        synchronized (this) {
            ScreenRecording running = recordings.get(target.orkuid());
            if (running != null) {
                if (running.paused()) {
                    running.pause(false);
                    return new Outcome(true, "Resuming screen recording for orkuid " + target.orkuid() + ": "
                            + running.recid());
                }
                return new Outcome(true, "Already recording the screen for orkuid " + target.orkuid() + ": "
                        + running.recid());
            }
            if (starting.contains(target.orkuid())) {
                return new Outcome(false, "a screen recording for orkuid " + target.orkuid() + " is starting");
            }
            if (recordings.size() + starting.size() >= config.MaxScreenRecordings()) {
                return new Outcome(false, "already " + recordings.size() + " screen recordings (MaxScreenRecordings)");
            }
            starting.add(target.orkuid());
        }
        // Connecting may take seconds: other commands go on meanwhile.
        try {
            return connectAndRecord(target);
        } finally {
            starting.remove(target.orkuid());
        }
    }

    private Outcome connectAndRecord(RfbTarget target) {
        Config c = config;
        Path base = root;
        Instant now = Instant.now();
        String folder = FOLDER.format(now.atZone(ZoneId.systemDefault()));
        String first = target.orkuid() + "_S" + RECID_TIME.format(now.atZone(ZoneId.systemDefault()));
        // A recid names one recording in OrkTrack: a second one in the same second gets a suffix.
        String recid = first;
        for (int n = 2; Files.exists(base.resolve(folder + "/" + recid + ".webm")); n++) {
            recid = first + "-" + n;
        }
        String filename = folder + "/" + recid + ".webm";
        Path file = base.resolve(filename).normalize();
        if (!file.startsWith(base)) {
            return new Outcome(false, "orkuid " + target.orkuid() + " makes a file outside ScreenOutputPath");
        }
        RfbClient client;
        try {
            client = RfbClient.connect(target.hostname(), target.port(), target.password(),
                    Math.max(1, c.RfbConnectTimeoutSec()) * 1000, Math.max(1, c.RfbReadTimeoutSec()) * 1000);
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Outcome(false, "cannot record the screen of " + target.hostname() + ":" + target.port() + ": " + reason);
        }
        ScreenVideo video;
        try {
            video = new ScreenVideo(c.FfmpegPath(), ScreenVideo.Format.parse(c.ScreenVideoFormat()), file,
                    client.framebuffer().width(), client.framebuffer().height(), Math.max(1, c.ScreenFrameRate()));
        } catch (IOException | IllegalArgumentException e) {
            client.close();
            return new Outcome(false, "cannot start the video encoder (FfmpegPath, ScreenVideoFormat): " + e.getMessage());
        }
        ScreenRecording recording = new ScreenRecording(recid, target, filename, now, Math.max(1, c.ScreenFrameRate()),
                client, video, this::ended);
        recordings.put(target.orkuid(), recording);
        report(recording, "start", 0);
        recording.start();
        LOG.info("Recording the screen of {} ('{}', {}x{}, RFB {}) into {}", target, client.desktopName(),
                client.framebuffer().width(), client.framebuffer().height(), client.version(), file);
        return new Outcome(true, "Starting screen recording of " + target.hostname() + ":" + target.port() + " for orkuid "
                + target.orkuid() + ": " + recid);
    }

    /** {@code pauserfb}: blanks the orkuid's recording until {@code startrfb}. */
    Outcome pause(String orkuid) {
        ScreenRecording recording = recordings.get(orkuid);
        if (recording == null) {
            return new Outcome(false, "no screen recording for orkuid " + orkuid);
        }
        recording.pause(true);
        return new Outcome(true, "Pausing screen recording for orkuid " + orkuid + ": " + recording.recid());
    }

    /** {@code stoprfb}: ends the orkuid's recording; answers once its video is finished. */
    Outcome stop(String orkuid) {
        ScreenRecording recording = recordings.get(orkuid);
        if (recording == null) {
            return new Outcome(false, "no screen recording for orkuid " + orkuid);
        }
        try {
            recording.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Outcome(true, "Stopped screen recording for orkuid " + orkuid + ": " + recording.recid() + " ("
                + recording.seconds() + " s)");
    }

    /** The recording of an orkuid in progress. */
    Optional<ScreenRecording> recording(String orkuid) {
        return Optional.ofNullable(recordings.get(orkuid));
    }

    private void ended(ScreenRecording recording, Path file, String failure) {
        recordings.remove(recording.target().orkuid(), recording);
        report(recording, "stop", recording.seconds());
        if (file != null) {
            report(recording, "ready", recording.seconds());
        }
    }

    private void report(ScreenRecording recording, String stage, long seconds) {
        if (!config.EnableReporting()) {
            return;
        }
        Map<String, String> fields = tapeMessage(recording, stage, seconds);
        try {
            delivery.queue(UrlForm.format(fields), fields);
        } catch (IOException e) {
            LOG.error("OrkRfb lost the {} message of screen recording {}: {}", stage, recording.recid(), e.getMessage());
        }
    }

    /** A screen tape message: Oreka's tape fields with {@code mediatype=S} and the call's {@code orkuid}. */
    Map<String, String> tapeMessage(ScreenRecording r, String stage, long seconds) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("type", "tape");
        m.put("recid", r.recid());
        m.put("stage", stage);
        m.put("captureport", r.target().hostname() + ":" + r.target().port());
        m.put("timestamp", Long.toString(r.started().getEpochSecond()));
        m.put("filename", r.filename());
        m.put("localparty", "");
        m.put("remoteparty", "");
        m.put("direction", "unkn");
        m.put("duration", Long.toString(seconds));
        m.put("service", serviceName());
        m.put("hostname", hostname);
        m.put("loginstring", r.target().loginString());
        m.put("orkuid", r.target().orkuid());
        m.put("mediatype", "S");
        return m;
    }

    private String serviceName() {
        String name = config.ServiceName();
        return name.isBlank() ? "orkrfb-" + hostname : name;
    }

    private String initMessage() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("type", "init");
        m.put("name", serviceName());
        m.put("hostname", hostname);
        m.put("servicetype", "S");
        m.put("tcpport", Integer.toString(config.HttpServerPort()));
        m.put("protocol", "http");
        m.put("absolutepath", root.toString());
        return UrlForm.format(m);
    }

    private static String hostname() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
