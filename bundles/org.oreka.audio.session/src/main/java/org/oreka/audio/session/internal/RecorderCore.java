package org.oreka.audio.session.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.oreka.audio.chain.TapeChain;
import org.oreka.audio.net.PacketDecoder;
import org.oreka.audio.net.TransportPacket;
import org.oreka.audio.session.CallSelector;
import org.oreka.audio.session.KeptSides;
import org.oreka.audio.session.LiveSessions;
import org.oreka.audio.session.LiveAudio;
import org.oreka.audio.session.LiveAudioSink;
import org.oreka.audio.session.LiveAudioTap;
import org.oreka.audio.session.RecordingControl;
import org.oreka.audio.session.TapeListener;
import org.oreka.sdk.call.SignallingDecoder;
import org.oreka.sdk.capture.CaptureSource;
import org.oreka.sdk.capture.CapturedFrame;
import org.oreka.sdk.capture.FrameSink;
import org.oreka.sdk.tape.SessionDTO;
import org.oreka.sdk.tape.TagDTO;
import org.oreka.sdk.tape.TapeDTO;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recorder: starts every capture source with itself as their sink, decodes their frames, feeds the session
 * tracker, and hands each finished recording to the tape-processor chain and to the tape listeners; applies the
 * recording-control commands to the tracker. Capture sources, signalling decoders and listeners come and go at run
 * time; configuration edits apply live.
 */
@Component(service = {RecorderCore.class, FrameSink.class, LiveSessions.class, RecordingControl.class, LiveAudio.class},
        configurationPid = RecorderCore.PID, immediate = true)
public class RecorderCore implements FrameSink, LiveSessions, RecordingControl, LiveAudio, TrackerEvents {

    static final String PID = "org.oreka.audio";

    private static final Logger LOG = LoggerFactory.getLogger(RecorderCore.class);

    private final TapeChain chain;
    private final List<CaptureSource> sources = new CopyOnWriteArrayList<>();
    private final List<DecoderBinding> decoders = new CopyOnWriteArrayList<>();
    private final List<TapeListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<SessionDTO>> stopObservers = new CopyOnWriteArrayList<>();
    private final ThreadLocal<ThreadDecoder> threadDecoders = new ThreadLocal<>();
    private volatile ThreadDecoder lastDecoder;
    private final TapeListLog tapeList = new TapeListLog();
    private final Path stateDirectory;
    private final SessionTracker tracker;
    private final OrkuidGenerator orkuids;
    private final ScheduledExecutorService maintenance;
    private volatile TrackerSettings settings;
    private volatile int settingsGeneration;
    private volatile long lastFrameWallNanos = System.nanoTime();
    private volatile boolean active;

    /** A capture thread's packet decoder, rebuilt when the settings that shape it change. */
    private record ThreadDecoder(Thread thread, int generation, PacketDecoder decoder) {
    }

    @Activate
    public RecorderCore(@Reference TapeChain chain, RecorderConfig config) throws IOException {
        this(chain, config, Paths.get(System.getProperty("karaf.data", "data"), "oreka", "recording"),
                Paths.get(System.getProperty("karaf.etc", "etc")));
    }

    RecorderCore(TapeChain chain, RecorderConfig config, Path stateDirectory, Path etc) throws IOException {
        this.chain = chain;
        this.stateDirectory = Files.createDirectories(stateDirectory);
        this.settings = settings(config, etc);
        this.orkuids = new OrkuidGenerator(ZoneId.systemDefault());
        this.tracker = new SessionTracker(settings, this, orkuids);
        this.maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "recorder-maintenance");
            t.setDaemon(true);
            return t;
        });
        new TapeRecovery(stateDirectory, settings.audioRoot(), this::handOver).recover();
        // Capture sources bind after construction and start as they bind.
        active = true;
        maintenance.scheduleWithFixedDelay(this::maintain, 1, 1, TimeUnit.SECONDS);
    }

    @Modified
    void modified(RecorderConfig config) {
        settings = settings(config, Paths.get(System.getProperty("karaf.etc", "etc")));
        settingsGeneration++;
        tracker.settings(settings);
    }

    @Deactivate
    void deactivate() {
        active = false;
        for (CaptureSource source : sources) {
            stopSource(source);
        }
        maintenance.shutdownNow();
        tracker.stopAll();
    }

    private TrackerSettings settings(RecorderConfig c, Path etc) {
        String hostname = hostname();
        boolean[] blocked = new boolean[128];
        for (String item : c.RtpPayloadTypeBlockList().split(",")) {
            if (!item.isBlank()) {
                int pt = Integer.parseInt(item.strip());
                if (pt >= 0 && pt < 128) {
                    blocked[pt] = true;
                }
            }
        }
        Path mapFile = c.LocalPartyMapFile().isBlank() ? etc.resolve("localpartymap.csv") : Paths.get(c.LocalPartyMapFile());
        return new TrackerSettings(
                new PartyRules(c.SipDirectionReferenceIpAddresses(), c.SipDomains(), c.SipDirectionReferenceUserAgents(),
                        c.SipRequestUriAsLocalParty(), c.LanMasks(), c.MediaGateways()),
                new LocalPartyMap(mapFile), chain.audioRoot(), stateDirectory, hostname,
                c.ServiceName().isBlank() ? "orkaudio-" + hostname : c.ServiceName(),
                c.UdpMinPort(), c.RtpDetectOnOddPorts(), blocked, Math.max(1, c.RtpMinAmountOfPacketsBeforeStart()),
                c.DiscardUnidirectionalCalls(), c.RtpReportDtmf(), seconds(c.RtpSessionTimeoutSec()),
                seconds(c.RtpSessionWithSignallingTimeoutSec()), seconds(c.RtpSessionWithSignallingInitialTimeoutSec()),
                seconds(c.RtpSessionOnHoldTimeOutSec()), Math.max(0, c.TapeDurationMinimumSec()) * 1000L,
                Math.max(4, c.CaptureFileBatchSizeKByte()) * 1024, c.IpFragmentsReassemble(), c.LookBackRecording(),
                c.TrackRawRtpSessionInNonLookBackMode());
    }

    private static long seconds(int seconds) {
        return Math.max(1, seconds) * 1_000_000L;
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    // ---- plugins ----

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindSource(CaptureSource source) {
        sources.add(source);
        if (active) {
            startSource(source);
        }
    }

    void unbindSource(CaptureSource source) {
        sources.remove(source);
        stopSource(source);
    }

    private void startSource(CaptureSource source) {
        try {
            source.start(this);
        } catch (IOException | RuntimeException e) {
            LOG.error("Capture source {} cannot start: {}", source.statistics().source(), e.toString());
        }
    }

    private void stopSource(CaptureSource source) {
        try {
            source.stop();
        } catch (RuntimeException e) {
            LOG.warn("Capture source failed to stop cleanly: {}", e.toString());
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindDecoder(SignallingDecoder decoder, Map<String, Object> properties) {
        Object protocol = properties.get(SignallingDecoder.PROPERTY_PROTOCOL);
        Object ranking = properties.get("service.ranking");
        decoders.add(tracker.bind(decoder, protocol == null ? "unknown" : protocol.toString(),
                ranking instanceof Integer ? (Integer) ranking : 0,
                Boolean.parseBoolean(String.valueOf(properties.get(SignallingDecoder.PROPERTY_SHARED_MEDIA)))));
        List<DecoderBinding> sorted = new ArrayList<>(decoders);
        sorted.sort(Comparator.comparingInt(DecoderBinding::ranking).reversed());
        decoders.clear();
        decoders.addAll(sorted);
    }

    void unbindDecoder(SignallingDecoder decoder) {
        decoders.removeIf(binding -> binding.decoder() == decoder);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindListener(TapeListener listener) {
        listeners.add(listener);
    }

    void unbindListener(TapeListener listener) {
        listeners.remove(listener);
    }

    // ---- frames ----

    @Override
    public void frame(CapturedFrame frame) {
        lastFrameWallNanos = System.nanoTime();
        TransportPacket packet = decoder().decode(frame);
        if (packet != null) {
            tracker.onPacket(packet, decoders);
        }
    }

    @Override
    public void endOfCapture(String source, long lastTimestampMicros) {
        tracker.endOfCapture(source, lastTimestampMicros);
    }

    private PacketDecoder decoder() {
        ThreadDecoder last = lastDecoder;
        // The common case, one capture thread, skips the thread-local lookup.
        if (last != null && last.thread() == Thread.currentThread() && last.generation() == settingsGeneration) {
            return last.decoder();
        }
        ThreadDecoder current = threadDecoders.get();
        if (current == null || current.generation() != settingsGeneration) {
            current = new ThreadDecoder(Thread.currentThread(), settingsGeneration,
                    new PacketDecoder(settings.reassembleFragments()));
            threadDecoders.set(current);
        }
        lastDecoder = current;
        return current.decoder();
    }

    /** Once a second: journals to disk, timeouts while no packets come, party map changes. */
    private void maintain() {
        try {
            tracker.flushAll();
            long idleNanos = System.nanoTime() - lastFrameWallNanos;
            if (idleNanos > 1_000_000_000L) {
                // Live capture went quiet: let capture time run on with the wall clock so sessions time out.
                tracker.hoover(tracker.clockMicros() + idleNanos / 1000);
            }
            settings.partyMap().reloadIfChanged(System.currentTimeMillis());
        } catch (RuntimeException e) {
            LOG.error("Recorder maintenance failed", e);
        }
    }

    // ---- tracker events ----

    @Override
    public void started(TapeDTO tape) {
        for (TapeListener listener : listeners) {
            try {
                listener.tapeStarted(tape);
            } catch (RuntimeException e) {
                LOG.warn("Tape listener failed on start of {}: {}", tape.orkuid, e.toString());
            }
        }
    }

    @Override
    public void updated(TapeDTO tape) {
        for (TapeListener listener : listeners) {
            try {
                listener.tapeUpdated(tape);
            } catch (RuntimeException e) {
                LOG.warn("Tape listener failed on update of {}: {}", tape.orkuid, e.toString());
            }
        }
    }

    @Override
    public void held(TapeDTO tape, boolean onHold) {
        for (TapeListener listener : listeners) {
            try {
                listener.tapeHeld(tape, onHold);
            } catch (RuntimeException e) {
                LOG.warn("Tape listener failed on hold of {}: {}", tape.orkuid, e.toString());
            }
        }
    }

    @Override
    public boolean stopped(TapeDTO tape, boolean kept, SessionDTO summary) {
        tapeList.write(tape);
        for (TapeListener listener : listeners) {
            try {
                listener.tapeStopped(tape);
            } catch (RuntimeException e) {
                LOG.warn("Tape listener failed on stop of {}: {}", tape.orkuid, e.toString());
            }
        }
        for (Consumer<SessionDTO> observer : stopObservers) {
            observer.accept(summary);
        }
        return kept && handOver(tape);
    }

    @Override
    public void tagged(TagDTO tag) {
        for (TapeListener listener : listeners) {
            try {
                listener.tagAdded(tag);
            } catch (RuntimeException e) {
                LOG.warn("Tape listener failed on a tag of {}: {}", tag.orkuid, e.toString());
            }
        }
    }

    /** Gives a finished tape to the chain; false when it could not be saved there. */
    private boolean handOver(TapeDTO tape) {
        try {
            chain.submit(tape);
            return true;
        } catch (IOException e) {
            LOG.error("Cannot hand tape {} to the tape-processor chain; it is retried at the next start: {}",
                    tape.orkuid, e.toString());
            return false;
        }
    }

    // ---- recording control ----

    @Override
    public List<SessionDTO> record(CallSelector calls, KeptSides sides) {
        return tracker.record(calls, sides);
    }

    @Override
    public List<SessionDTO> pause(CallSelector calls) {
        return tracker.pause(calls);
    }

    @Override
    public List<SessionDTO> resume(CallSelector calls) {
        return tracker.resume(calls);
    }

    @Override
    public List<SessionDTO> stop(CallSelector calls) {
        return tracker.stopRecording(calls);
    }

    /** The recorder's settings now. */
    TrackerSettings settings() {
        return settings;
    }

    /** The recorder's orkuid source, shared by everything that makes recordings so that ids never collide. */
    OrkuidGenerator orkuids() {
        return orkuids;
    }

    // ---- live audio ----

    @Override
    public Optional<LiveAudioTap> tap(CallSelector call, LiveAudioSink sink) {
        return tracker.tap(call, sink);
    }

    // ---- for the shell ----

    @Override
    public List<SessionDTO> sessions() {
        return tracker.sessions();
    }

    TrackerCounters counters() {
        return tracker.counters();
    }

    /** One line of what the tracker has seen, for the shell. */
    public String countersLine() {
        TrackerCounters c = tracker.counters();
        return "packets " + c.packets + ", RTP " + c.rtpPackets + ", signalling " + c.signallingPackets + ", other "
                + c.otherPackets + "; calls " + c.calls + ", recordings " + c.recordings + ", DTMF digits " + c.dtmfDigits
                + (c.recordingErrors > 0 ? ", recording errors " + c.recordingErrors : "");
    }

    /** The capture sources bound now. */
    public List<CaptureSource> captureSources() {
        return List.copyOf(sources);
    }

    TapeChain chain() {
        return chain;
    }

    /** Replays captures through the recorder; see {@link CaptureReplayer}. */
    public CaptureReplayer.Result replay(Path fileOrFolder, boolean waitForChain, long chainTimeoutMillis,
            java.io.PrintStream out) throws IOException, InterruptedException {
        return new CaptureReplayer(this, out).replay(fileOrFolder, waitForChain, chainTimeoutMillis);
    }

    /** Calls {@code observer} with the summary of every session that stops until it is removed. */
    void observeStops(Consumer<SessionDTO> observer) {
        stopObservers.add(observer);
    }

    void stopObserving(Consumer<SessionDTO> observer) {
        stopObservers.remove(observer);
    }
}
