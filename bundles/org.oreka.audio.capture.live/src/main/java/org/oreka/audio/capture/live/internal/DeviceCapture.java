package org.oreka.audio.capture.live.internal;

import java.sql.Timestamp;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.oreka.sdk.capture.CaptureStatistics;
import org.oreka.sdk.capture.CapturedFrame;
import org.oreka.sdk.capture.FrameSink;
import org.oreka.sdk.capture.LinkType;
import org.pcap4j.core.BpfProgram.BpfCompileMode;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface.PromiscuousMode;
import org.pcap4j.core.PcapStat;
import org.pcap4j.core.RawPacketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Captures one device on a thread of its own: opens it, hands its frames to the sink, logs its pcap statistics
 * every minute, and while the device cannot be opened or has failed, tries it again every minute.
 *
 * <p>Only the capture thread touches the pcap handle (libpcap handles are not thread-safe), except
 * {@link #requestStop()}, which uses {@code pcap_breakloop}, the one call made for other threads. The thread
 * reads with {@code pcap_loop}, which costs a third of what {@code pcap_next_ex} costs through pcap4j, and takes
 * statistics between frames when the capture clock says they are due, so they cost nothing per frame and stay
 * still while no frame arrives, like the counters themselves.
 */
final class DeviceCapture {

    /** How long libpcap lets frames gather before it hands them over (Oreka's read timeout). */
    private static final int READ_TIMEOUT_MILLIS = 500;
    /** The logger of the per-device pcap statistics, Oreka's {@code packet.pcapstats}. */
    private static final String STATISTICS_LOGGER = "org.oreka.audio.capture.live.pcapstats";

    private static final Logger LOG = LoggerFactory.getLogger(DeviceCapture.class);
    private static final Logger STATISTICS_LOG = LoggerFactory.getLogger(STATISTICS_LOGGER);
    private static final long STATISTICS_REFRESH_MICROS = TimeUnit.SECONDS.toMicros(1);
    private static final long STATISTICS_LOG_MICROS = TimeUnit.SECONDS.toMicros(60);

    private final String device;
    private final CaptureSettings settings;
    private final FrameSink sink;
    private final long retryDelayMillis;
    private final Thread thread;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CapturedFrame frame = new CapturedFrame();
    private volatile boolean stopping;
    private volatile PcapHandle handle;

    // pcap_stats counts from zero for every handle: these hold what the handles closed so far counted.
    private long closedReceived;
    private long closedDropped;
    private long closedInterfaceDropped;
    private volatile long received;
    private volatile long dropped;
    private volatile long interfaceDropped;
    private volatile boolean capturing;
    private volatile String lastError = "";
    private String loggedFailure = "";
    private long loggedReceived;
    private long loggedMicros;
    private long nextRefreshMicros;
    private long nextLogMicros;
    private boolean sinkFailureLogged;

    DeviceCapture(String device, CaptureSettings settings, FrameSink sink, long retryDelayMillis) {
        this.device = device;
        this.settings = settings;
        this.sink = sink;
        this.retryDelayMillis = retryDelayMillis;
        this.thread = new Thread(this::run, "pcap-" + device);
        this.thread.setDaemon(true);
    }

    String device() {
        return device;
    }

    CaptureSettings settings() {
        return settings;
    }

    void start() {
        thread.start();
    }

    /** Asks the capture thread to stop, waking it from a read or from its wait before a retry. */
    void requestStop() {
        stopping = true;
        stopRequested.countDown();
        PcapHandle current = handle;
        if (current != null) {
            try {
                current.breakLoop();
            } catch (NotOpenException e) {
                LOG.trace("{} closed while stopping: nothing left to break", device, e);
            }
        }
    }

    /** Waits for the capture thread to end; {@code false} when it is still running after {@code timeoutMillis}. */
    boolean awaitStop(long timeoutMillis) throws InterruptedException {
        thread.join(timeoutMillis);
        return !thread.isAlive();
    }

    CaptureStatistics statistics() {
        return new CaptureStatistics(device, received, dropped, interfaceDropped, capturing, lastError);
    }

    private void run() {
        while (!stopping) {
            try {
                capture();
            } catch (PcapNativeException | NotOpenException | RuntimeException | LinkageError e) {
                failed(e);
            }
            try {
                if (stopRequested.await(retryDelayMillis, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Opens the device and delivers its frames until a stop request; throws when the device fails. */
    private void capture() throws PcapNativeException, NotOpenException {
        PcapHandle opened = PcapLibrary.call(this::open);
        handle = opened;
        try {
            // A stop request that came while the device was opening found no handle to break.
            if (stopping) {
                return;
            }
            LinkType linkType = LinkType.fromDlt(opened.getDlt().value());
            capturing = true;
            if (loggedFailure.isEmpty()) {
                LOG.info("Capturing on {} ({}{})", device, linkType,
                        settings.filter().isBlank() ? "" : ", filter '" + settings.filter() + "'");
            } else {
                LOG.info("Capturing on {} again", device);
                loggedFailure = "";
            }
            nextRefreshMicros = 0;
            nextLogMicros = 0;
            opened.loop(-1, new FrameListener(opened, linkType));
        } catch (InterruptedException e) {
            // pcap_breakloop ends the loop this way: a stop request, since nothing else breaks it.
            LOG.trace("Capture loop on {} broken", device, e);
        } finally {
            handle = null;
            capturing = false;
            close(opened);
        }
    }

    private PcapHandle open() throws PcapNativeException, NotOpenException {
        PcapHandle opened = new PcapHandle.Builder(device)
                .snaplen(settings.snapLength())
                .promiscuousMode(settings.promiscuous() ? PromiscuousMode.PROMISCUOUS : PromiscuousMode.NONPROMISCUOUS)
                .timeoutMillis(READ_TIMEOUT_MILLIS)
                .bufferSize(settings.bufferBytes())
                .build();
        try {
            if (!settings.filter().isBlank()) {
                opened.setFilter(settings.filter(), BpfCompileMode.OPTIMIZE);
            }
            return opened;
        } catch (PcapNativeException | NotOpenException | RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    /** Hands the frames of one open handle to the sink, reusing one {@link CapturedFrame}. */
    private final class FrameListener implements RawPacketListener {
        private final PcapHandle opened;
        private final LinkType linkType;

        FrameListener(PcapHandle opened, LinkType linkType) {
            this.opened = opened;
            this.linkType = linkType;
        }

        @Override
        public void gotPacket(byte[] data) {
            Timestamp captured = opened.getTimestamp();
            long micros = Math.floorDiv(captured.getTime(), 1000L) * 1_000_000L + captured.getNanos() / 1000;
            frame.set(device, linkType, micros, data, 0, data.length, opened.getOriginalLength());
            try {
                sink.frame(frame);
            } catch (RuntimeException e) {
                // The sink promises not to throw; if it does anyway, one bad frame must not stop the capture.
                if (!sinkFailureLogged) {
                    sinkFailureLogged = true;
                    LOG.error("The frame sink failed on a frame from {}; further failures are not logged", device, e);
                }
            }
            // A clock that jumped back restarts the schedule instead of silencing the statistics.
            if (micros >= nextRefreshMicros || micros < nextRefreshMicros - STATISTICS_REFRESH_MICROS) {
                takeStatistics(micros);
            }
        }

        private void takeStatistics(long micros) {
            nextRefreshMicros = micros + STATISTICS_REFRESH_MICROS;
            try {
                refreshStatistics(opened);
            } catch (PcapNativeException | NotOpenException e) {
                LOG.debug("No statistics from {}: {}", device, PcapLibrary.describe(e));
                return;
            }
            if (nextLogMicros == 0) {
                loggedMicros = micros;
                loggedReceived = received;
                nextLogMicros = micros + STATISTICS_LOG_MICROS;
            } else if (micros >= nextLogMicros || micros < nextLogMicros - STATISTICS_LOG_MICROS) {
                logStatistics(micros);
                nextLogMicros = micros + STATISTICS_LOG_MICROS;
            }
        }
    }

    private void refreshStatistics(PcapHandle opened) throws PcapNativeException, NotOpenException {
        PcapStat stat = opened.getStats();
        received = closedReceived + stat.getNumPacketsReceived();
        dropped = closedDropped + stat.getNumPacketsDropped();
        interfaceDropped = closedInterfaceDropped + stat.getNumPacketsDroppedByIf();
    }

    /** Logs the counters and the rate of frames since the last line (which may be long ago after a quiet spell). */
    private void logStatistics(long micros) {
        long receivedNow = received;
        long elapsedMicros = Math.max(1, micros - loggedMicros);
        STATISTICS_LOG.info("{}: received:{} dropped:{} ifdropped:{} frames/s:{}", device, receivedNow, dropped,
                interfaceDropped, (receivedNow - loggedReceived) * 1_000_000L / elapsedMicros);
        loggedReceived = receivedNow;
        loggedMicros = micros;
    }

    /** Takes the handle's last counters into the totals and closes it. */
    private void close(PcapHandle opened) {
        try {
            refreshStatistics(opened);
        } catch (PcapNativeException | NotOpenException | RuntimeException e) {
            LOG.debug("No final statistics from {}: {}", device, PcapLibrary.describe(e));
        }
        closedReceived = received;
        closedDropped = dropped;
        closedInterfaceDropped = interfaceDropped;
        opened.close();
    }

    /** Records a failure; each kind of failure is logged once until the device captures again. */
    private void failed(Throwable failure) {
        String description = PcapLibrary.describe(failure);
        lastError = description;
        if (!description.equals(loggedFailure)) {
            loggedFailure = description;
            LOG.warn("Cannot capture on {}, trying again every {} s: {}", device,
                    TimeUnit.MILLISECONDS.toSeconds(retryDelayMillis), description);
        } else {
            LOG.debug("Still cannot capture on {}: {}", device, description);
        }
    }
}
