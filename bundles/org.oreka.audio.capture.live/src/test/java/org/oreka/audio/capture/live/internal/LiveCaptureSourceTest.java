package org.oreka.audio.capture.live.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oreka.sdk.capture.CaptureStatistics;
import org.oreka.sdk.capture.CapturedFrame;
import org.oreka.sdk.capture.FrameSink;
import org.oreka.sdk.capture.LinkType;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;

/** Captures real UDP traffic on the loopback interface through libpcap. */
class LiveCaptureSourceTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private LiveCaptureSource source;

    @AfterEach
    void deactivate() {
        if (source != null) {
            source.deactivate();
        }
    }

    @Test
    void capturesUdpOnTheLoopbackFollowsAFilterChangeAndStopsPromptly() throws Exception {
        assumeLoopbackCapture();
        try (DatagramSocket first = new DatagramSocket(0, LOOPBACK);
                DatagramSocket second = new DatagramSocket(0, LOOPBACK);
                DatagramSocket sender = new DatagramSocket(0, LOOPBACK)) {
            Frames frames = new Frames();
            source = new LiveCaptureSource();
            source.activate(config(Map.of("Devices", "lo", "PcapFilter", "udp port " + first.getLocalPort())));
            source.start(frames);
            await("capture on lo", () -> source.statistics().running());

            send(sender, first.getLocalPort(), "first-", 50);
            await("50 frames", () -> frames.size() >= 50);
            assertEquals(numbered("first-", 50), frames.udpPayloads(first.getLocalPort()));
            assertTrue(frames.all(frame -> frame.source().equals("lo") && frame.timestampMicros() > 1_600_000_000_000_000L));

            source.modified(config(Map.of("Devices", "lo", "PcapFilter", "udp port " + second.getLocalPort())));
            await("capture on lo with the new filter", () -> source.statistics().running());
            send(sender, first.getLocalPort(), "filtered-out-", 5);
            send(sender, second.getLocalPort(), "second-", 10);
            await("10 more frames", () -> frames.size() >= 60);
            assertEquals(numbered("second-", 10), frames.udpPayloads(second.getLocalPort()));

            long stopping = System.nanoTime();
            source.stop();
            assertTrue(System.nanoTime() - stopping < TimeUnit.SECONDS.toNanos(2), "stop() returns promptly");
            int captured = frames.size();
            send(sender, second.getLocalPort(), "after-stop-", 5);
            Thread.sleep(300);
            assertEquals(captured, frames.size(), "nothing is delivered after stop()");
            assertEquals(60, frames.udpPayloads(first.getLocalPort()).size() + frames.udpPayloads(second.getLocalPort()).size());

            CaptureStatistics statistics = source.statistics();
            assertEquals("live", statistics.source());
            assertFalse(statistics.running());
            assertTrue(statistics.received() >= 60, "pcap_stats counted " + statistics.received());
        }
    }

    @Test
    void aDeviceThatCannotBeOpenedIsReportedRetriedAndStoppable() throws Exception {
        assumeLoopbackCapture();
        source = new LiveCaptureSource(200);
        source.activate(config(Map.of("Devices", "oreka-none0")));
        source.start(new Frames());
        await("the failure in the statistics", () -> !source.statistics().lastError().isEmpty());
        CaptureStatistics statistics = source.statistics();
        assertFalse(statistics.running());
        assertTrue(statistics.lastError().startsWith("oreka-none0: "), statistics.lastError());
        assertThrows(IllegalStateException.class, () -> source.start(new Frames()));

        long stopping = System.nanoTime();
        source.stop();
        assertTrue(System.nanoTime() - stopping < TimeUnit.SECONDS.toNanos(2), "stop() interrupts the retry wait");
    }

    /** Skips when this machine cannot capture on lo for lack of libpcap or of permission. */
    private static void assumeLoopbackCapture() throws IOException {
        PcapLibrary.configure("");
        try {
            PcapLibrary.load();
        } catch (IOException e) {
            assumeTrue(false, e.getMessage());
        }
        try {
            PcapLibrary.call(() -> new PcapHandle.Builder("lo").snaplen(128).timeoutMillis(100).build()).close();
        } catch (PcapNativeException | NotOpenException e) {
            String message = String.valueOf(e.getMessage());
            assumeTrue(!message.contains("ermission") && !message.contains("not permitted"),
                    "no permission to capture: " + message);
            throw new IOException("cannot capture on lo: " + message, e);
        }
    }

    private static LiveCaptureSource.Config config(Map<String, Object> values) {
        return (LiveCaptureSource.Config) Proxy.newProxyInstance(LiveCaptureSource.Config.class.getClassLoader(),
                new Class<?>[] { LiveCaptureSource.Config.class },
                (proxy, method, args) -> method.getName().equals("annotationType")
                        ? LiveCaptureSource.Config.class
                        : values.getOrDefault(method.getName(), method.getDefaultValue()));
    }

    private static void send(DatagramSocket sender, int port, String prefix, int count) throws IOException {
        for (String payload : numbered(prefix, count)) {
            byte[] bytes = payload.getBytes(StandardCharsets.US_ASCII);
            sender.send(new DatagramPacket(bytes, bytes.length, LOOPBACK, port));
        }
    }

    private static List<String> numbered(String prefix, int count) {
        List<String> payloads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            payloads.add(prefix + i);
        }
        return payloads;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** A frame copied out of the reused {@link CapturedFrame}. */
    private record Frame(String source, LinkType linkType, long timestampMicros, byte[] data) {
    }

    /** A sink that keeps a copy of every frame, and reads the UDP payloads out of them. */
    private static final class Frames implements FrameSink {
        private final List<Frame> frames = new CopyOnWriteArrayList<>();

        @Override
        public void frame(CapturedFrame frame) {
            frames.add(new Frame(frame.source(), frame.linkType(), frame.timestampMicros(),
                    Arrays.copyOfRange(frame.data(), frame.offset(), frame.offset() + frame.length())));
        }

        @Override
        public void endOfCapture(String source, long lastTimestampMicros) {
            fail("a live source never ends");
        }

        int size() {
            return frames.size();
        }

        boolean all(Predicate<Frame> condition) {
            return frames.stream().allMatch(condition);
        }

        /** The payloads of the IPv4 UDP datagrams to {@code port}, in capture order. */
        List<String> udpPayloads(int port) {
            List<String> payloads = new ArrayList<>();
            for (Frame frame : frames) {
                byte[] data = frame.data();
                int ip = ipOffset(frame.linkType(), data);
                if (ip < 0 || (data[ip] >> 4 & 0x0F) != 4 || data[ip + 9] != 17) {
                    continue;
                }
                int udp = ip + (data[ip] & 0x0F) * 4;
                int udpLength = (data[udp + 4] & 0xFF) << 8 | data[udp + 5] & 0xFF;
                if (((data[udp + 2] & 0xFF) << 8 | data[udp + 3] & 0xFF) == port) {
                    payloads.add(new String(data, udp + 8, udpLength - 8, StandardCharsets.US_ASCII));
                }
            }
            return payloads;
        }

        /** Where the IPv4 header starts under the framings Linux uses for lo; -1 for anything else. */
        private static int ipOffset(LinkType linkType, byte[] data) {
            switch (linkType) {
                case ETHERNET:
                    return ((data[12] & 0xFF) << 8 | data[13] & 0xFF) == 0x0800 ? 14 : -1;
                case NULL:
                case LOOP:
                    return 4;
                case LINUX_SLL:
                    return ((data[14] & 0xFF) << 8 | data[15] & 0xFF) == 0x0800 ? 16 : -1;
                case RAW:
                case IPV4:
                    return 0;
                default:
                    return -1;
            }
        }
    }
}
