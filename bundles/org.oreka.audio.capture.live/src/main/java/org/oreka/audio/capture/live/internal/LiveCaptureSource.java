package org.oreka.audio.capture.live.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.oreka.sdk.capture.CaptureSource;
import org.oreka.sdk.capture.CaptureStatistics;
import org.oreka.sdk.capture.FrameSink;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live capture source: one {@link CaptureSource} service whose {@link #start(FrameSink)} opens every
 * selected interface, each on a capture thread of its own.
 *
 * <p>One service for all devices, rather than one per device, because the devices are one setting of one
 * configuration, as in Oreka: {@code all} and the default device are resolved when capture starts, a
 * configuration change reopens only the devices it concerns without unregistering anything, and the recorder
 * sees a single source named {@value #NAME} whose frames carry the device name as their source.
 */
@Component(service = CaptureSource.class, configurationPid = LiveCaptureSource.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = CaptureSource.PROPERTY_NAME + "=" + LiveCaptureSource.NAME)
@Designate(ocd = LiveCaptureSource.Config.class)
public class LiveCaptureSource implements CaptureSource {

    static final String PID = "org.oreka.audio.capture.live";
    static final String NAME = "live";

    private static final Logger LOG = LoggerFactory.getLogger(LiveCaptureSource.class);
    private static final long RETRY_DELAY_MILLIS = TimeUnit.SECONDS.toMillis(60);
    private static final long STOP_TIMEOUT_MILLIS = TimeUnit.SECONDS.toMillis(5);

    @ObjectClassDefinition(name = "Oreka live capture",
            description = "Captures VoIP traffic from network interfaces through libpcap")
    public @interface Config {
        @AttributeDefinition(description = "Interfaces to capture, comma-separated, or 'all'; empty picks the last "
                + "interface that is up and is not lo, any or a dial-up link")
        String Devices() default "";

        @AttributeDefinition(description = "Legacy single-interface form of Devices, used when Devices is empty")
        String Device() default "";

        @AttributeDefinition(description = "BPF filter applied to every interface, for instance 'udp or tcp port 5060'")
        String PcapFilter() default "";

        @AttributeDefinition(description = "Kernel capture buffer of each interface, in bytes")
        int PcapSocketBufferSize() default 67108864;

        @AttributeDefinition(description = "Bytes kept of each frame")
        int PcapSnapLen() default 65535;

        @AttributeDefinition(description = "Whether interfaces are put into promiscuous mode")
        boolean PcapPromiscuous() default true;

        @AttributeDefinition(description = "The libpcap library to load (a path or a name); empty finds it, "
                + "unless the system property org.pcap4j.core.pcapLibName names one")
        String PcapLibrary() default "";
    }

    private final long retryDelayMillis;
    private DeviceSelection selection;
    private CaptureSettings settings;
    private FrameSink sink;
    private volatile Map<String, DeviceCapture> captures = Map.of();
    // What captures that were stopped had counted, so that the totals never go backwards.
    private volatile CaptureStatistics retired = new CaptureStatistics(NAME, 0, 0, 0, false, "");

    public LiveCaptureSource() {
        this(RETRY_DELAY_MILLIS);
    }

    /** A source that retries failed devices every {@code retryDelayMillis}. */
    LiveCaptureSource(long retryDelayMillis) {
        this.retryDelayMillis = retryDelayMillis;
    }

    @Activate
    void activate(Config config) {
        modified(config);
    }

    /** Takes a new configuration; when capturing, reopens exactly the devices whose capture it changes. */
    @Modified
    synchronized void modified(Config config) {
        PcapLibrary.configure(config.PcapLibrary());
        selection = DeviceSelection.parse(config.Devices(), config.Device());
        settings = new CaptureSettings(config.PcapFilter(), config.PcapSocketBufferSize(), config.PcapSnapLen(),
                config.PcapPromiscuous());
        if (sink == null) {
            return;
        }
        try {
            apply(chooseDevices());
        } catch (IOException e) {
            LOG.error("Live capture keeps its devices: {}", e.getMessage());
        }
    }

    @Deactivate
    void deactivate() {
        stop();
    }

    /**
     * Opens the selected devices, each on its own thread, and returns; a device that cannot be opened is tried
     * again every minute.
     *
     * @throws IOException when libpcap cannot be loaded or the interfaces cannot be listed
     * @throws IllegalStateException when the source is already started
     */
    @Override
    public synchronized void start(FrameSink frameSink) throws IOException {
        if (sink != null) {
            throw new IllegalStateException("live capture is already started");
        }
        LOG.info("Starting live capture with {}", PcapLibrary.load());
        List<String> devices = chooseDevices();
        sink = frameSink;
        apply(devices);
    }

    /** Stops every capture thread, waiting a few seconds at most for each. */
    @Override
    public synchronized void stop() {
        sink = null;
        apply(List.of());
    }

    @Override
    public CaptureStatistics statistics() {
        Collection<DeviceCapture> running = captures.values();
        CaptureStatistics total = retired;
        long received = total.received();
        long dropped = total.dropped();
        long interfaceDropped = total.interfaceDropped();
        boolean capturing = false;
        List<String> errors = new ArrayList<>();
        for (DeviceCapture capture : running) {
            CaptureStatistics device = capture.statistics();
            received += device.received();
            dropped += device.dropped();
            interfaceDropped += device.interfaceDropped();
            capturing |= device.running();
            if (!device.lastError().isEmpty()) {
                errors.add(device.source() + ": " + device.lastError());
            }
        }
        return new CaptureStatistics(NAME, received, dropped, interfaceDropped, capturing, String.join("; ", errors));
    }

    private List<String> chooseDevices() throws IOException {
        List<String> devices = selection.needsInterfaceList() ? selection.choose(interfaces()) : selection.named();
        if (devices.isEmpty()) {
            throw new IOException("no interface to capture: set Devices");
        }
        return devices;
    }

    private static List<DeviceSelection.Interface> interfaces() throws IOException {
        try {
            return PcapLibrary.call(Pcaps::findAllDevs).stream()
                    .map(device -> new DeviceSelection.Interface(device.getName(), device.isUp()))
                    .collect(Collectors.toList());
        } catch (PcapNativeException | NotOpenException e) {
            throw new IOException("cannot list the interfaces: " + PcapLibrary.describe(e), e);
        }
    }

    /** Stops the captures that are not wanted any more or whose settings changed, then starts the missing ones. */
    private void apply(List<String> devices) {
        Map<String, DeviceCapture> next = new LinkedHashMap<>();
        List<DeviceCapture> stopping = new ArrayList<>();
        for (DeviceCapture capture : captures.values()) {
            if (devices.contains(capture.device()) && capture.settings().equals(settings)) {
                next.put(capture.device(), capture);
            } else {
                stopping.add(capture);
            }
        }
        stopAll(stopping);
        for (String device : devices) {
            if (!next.containsKey(device)) {
                DeviceCapture capture = new DeviceCapture(device, settings, sink, retryDelayMillis);
                next.put(device, capture);
                capture.start();
            }
        }
        captures = Collections.unmodifiableMap(next);
    }

    /** Stops the captures together, waits for each, and keeps what they counted. */
    private void stopAll(List<DeviceCapture> stopping) {
        stopping.forEach(DeviceCapture::requestStop);
        long received = retired.received();
        long dropped = retired.dropped();
        long interfaceDropped = retired.interfaceDropped();
        for (DeviceCapture capture : stopping) {
            try {
                if (!capture.awaitStop(STOP_TIMEOUT_MILLIS)) {
                    LOG.warn("The capture thread of {} did not stop within {} s", capture.device(),
                            TimeUnit.MILLISECONDS.toSeconds(STOP_TIMEOUT_MILLIS));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            CaptureStatistics last = capture.statistics();
            received += last.received();
            dropped += last.dropped();
            interfaceDropped += last.interfaceDropped();
            LOG.info("Stopped capturing on {}", capture.device());
        }
        retired = new CaptureStatistics(NAME, received, dropped, interfaceDropped, false, "");
    }
}
