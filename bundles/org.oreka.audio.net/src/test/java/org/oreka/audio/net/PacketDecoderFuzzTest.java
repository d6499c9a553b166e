package org.oreka.audio.net;

import static org.junit.jupiter.api.Assertions.fail;
import static org.oreka.audio.net.Packets.UDP;
import static org.oreka.audio.net.Packets.ascii;
import static org.oreka.audio.net.Packets.bytes;
import static org.oreka.audio.net.Packets.concat;
import static org.oreka.audio.net.Packets.ethernet;
import static org.oreka.audio.net.Packets.gre;
import static org.oreka.audio.net.Packets.ipv4;
import static org.oreka.audio.net.Packets.ipv6;
import static org.oreka.audio.net.Packets.sipOverEthernet;
import static org.oreka.audio.net.Packets.u16;
import static org.oreka.audio.net.Packets.u32;
import static org.oreka.audio.net.Packets.udp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.oreka.sdk.capture.CapturedFrame;
import org.oreka.sdk.capture.LinkType;

/**
 * Feeds the decoder random, mutated and adversarial frames: it must never throw, every frame must be counted
 * exactly once, and every packet it returns must lie inside its buffer. The seed can be set with
 * {@code -Doreka.fuzz.seed=...} to reproduce a failure.
 */
class PacketDecoderFuzzTest {

    private static final long SEED = Long.getLong("oreka.fuzz.seed", 0x0BE4AL);
    private static final LinkType[] LINK_TYPES = LinkType.values();
    /** Values that steer the decoder into its branches when written over a 16-bit field. */
    private static final int[] INTERESTING = {
        0x0800, 0x86DD, 0x8100, 0x88A8, 0x9100, 0x8847, 0x8848, 0x8864, 0x6558, 0x88BE, 0x22EB, 0x0021, 0x0057,
        0x4500, 0x4F00, 0x6000, 0x2000, 0x3FFF, 0x1FFF, 0x0000, 0xFFFF, 0x12B5, 0x1104, 0x2F29, 0x2C3A, 0x0004,
        0x8000, 0xB000, 0x0001, 0x0008, 0x0007
    };

    private final Random random = new Random(SEED);
    private final PacketDecoder reassembling = new PacketDecoder(true);
    private final PacketDecoder plain = new PacketDecoder(false);

    @Test
    void randomBytesUnderEveryLinkType() {
        for (int i = 0; i < 200_000; i++) {
            byte[] bytes = new byte[random.nextInt(4) == 0 ? random.nextInt(1600) : random.nextInt(96)];
            random.nextBytes(bytes);
            if (bytes.length > 0 && random.nextBoolean()) {
                bytes[0] = (byte) (random.nextBoolean() ? 0x45 : 0x60);
            }
            decodeBoth(LINK_TYPES[random.nextInt(LINK_TYPES.length)], bytes, random.nextLong());
        }
    }

    @Test
    void mutatedCapturedAndHandBuiltFrames() throws IOException {
        List<CorpusFrame> corpus = corpus();
        for (int i = 0; i < 300_000; i++) {
            CorpusFrame seed = corpus.get(random.nextInt(corpus.size()));
            byte[] bytes = mutate(seed.bytes());
            LinkType linkType = random.nextInt(10) == 0 ? LINK_TYPES[random.nextInt(LINK_TYPES.length)] : seed.linkType();
            decodeBoth(linkType, bytes, seed.timestampMicros() + random.nextInt(60_000_000));
        }
    }

    /**
     * Every prefix of every corpus frame and of a mutated copy, each in an array that ends where the frame ends:
     * a read past the captured bytes throws instead of silently reading garbage.
     */
    @Test
    void everyPrefixOfEveryFrame() throws IOException {
        for (CorpusFrame seed : corpus()) {
            for (byte[] bytes : new byte[][] {seed.bytes(), mutate(seed.bytes())}) {
                for (int length = 0; length <= bytes.length; length++) {
                    byte[] exact = new byte[3 + length];
                    System.arraycopy(bytes, 0, exact, 3, length);
                    for (PacketDecoder decoder : new PacketDecoder[] {reassembling, plain}) {
                        CapturedFrame frame = new CapturedFrame().set("prefix", seed.linkType(), seed.timestampMicros(),
                                exact, 3, length, bytes.length);
                        try {
                            TransportPacket packet = decoder.decode(frame);
                            if (packet != null) {
                                checkBounds(packet, seed.linkType(), bytes);
                            }
                        } catch (RuntimeException e) {
                            throw new AssertionError(seed.linkType() + " prefix " + length + " of "
                                    + HexFormat.of().formatHex(bytes), e);
                        }
                    }
                }
            }
        }
        assertConsistent(reassembling.statistics(), "prefixes");
        assertConsistent(plain.statistics(), "prefixes");
    }

    @Test
    void randomFragmentStormsKeepTheTableConsistent() {
        byte[] datagram = udp(5060, 5060, new byte[4000]);
        long now = 1_700_000_000_000_000L;
        for (int i = 0; i < 200_000; i++) {
            int identification = random.nextInt(400);
            int offset = random.nextInt(10) == 0 ? random.nextInt(65_535) : random.nextInt(500) * 8;
            int length = random.nextInt(10) == 0 ? random.nextInt(2000) : (1 + random.nextInt(180)) * 8;
            length = Math.min(length, Math.max(0, datagram.length - Math.min(offset, datagram.length)));
            byte[] data = Arrays.copyOfRange(datagram, Math.min(offset, datagram.length),
                    Math.min(offset, datagram.length) + length);
            boolean more = random.nextInt(4) != 0;
            byte[] packet = random.nextBoolean()
                    ? Packets.ipv4Fragment("10.0.0." + random.nextInt(3), "10.0.0.9", UDP, identification, offset & 0xFFF8,
                            more, data)
                    : ipv6("fd00::" + random.nextInt(3), "fd00::9", 44,
                            Packets.ipv6Fragment(UDP, identification, offset & 0xFFF8, more, data));
            now += random.nextInt(20) == 0 ? -random.nextInt(60_000_000) : random.nextInt(200_000);
            decodeBoth(LinkType.RAW, packet, now);
        }
        assertConsistent(reassembling.statistics(), "after the storm");
    }

    private void decodeBoth(LinkType linkType, byte[] bytes, long timestampMicros) {
        int originalLength = random.nextInt(8) == 0 ? bytes.length + random.nextInt(100) : bytes.length;
        for (PacketDecoder decoder : new PacketDecoder[] {reassembling, plain}) {
            CapturedFrame frame = new CapturedFrame().set("fuzz", linkType, timestampMicros, bytes, 0, bytes.length,
                    originalLength);
            long before = decoder.statistics().frames();
            TransportPacket packet;
            try {
                packet = decoder.decode(frame);
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + SEED + ": " + linkType + " " + HexFormat.of().formatHex(bytes), e);
            }
            if (packet != null) {
                checkBounds(packet, linkType, bytes);
            }
            DecoderStatistics statistics = decoder.statistics();
            if (statistics.frames() != before + 1) {
                fail("frame not counted: " + statistics);
            }
            assertConsistent(statistics, linkType + " " + HexFormat.of().formatHex(bytes));
        }
    }

    private static void checkBounds(TransportPacket packet, LinkType linkType, byte[] bytes) {
        int offset = packet.payloadOffset();
        int length = packet.payloadLength();
        if (offset < 0 || length < 0 || offset + length > packet.payloadArray().length
                || packet.sourcePort() < 0 || packet.sourcePort() > 65535
                || packet.ipVersion() != 4 && packet.ipVersion() != 6) {
            fail("seed " + SEED + ": bad packet " + offset + "+" + length + " from " + linkType + " "
                    + HexFormat.of().formatHex(bytes));
        }
    }

    private static void assertConsistent(DecoderStatistics s, String context) {
        long outcomes = s.udp() + s.tcp() + s.notIp() + s.malformed() + s.truncated() + s.unsupportedLinkType()
                + s.fragments();
        if (outcomes != s.frames() || s.fragmentsPending() < 0 || s.fragmentsDropped() < 0) {
            fail("seed " + SEED + ": inconsistent " + s + " after " + context);
        }
    }

    private byte[] mutate(byte[] original) {
        byte[] bytes = original.clone();
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations && bytes.length > 0; m++) {
            switch (random.nextInt(5)) {
                case 0 -> bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                case 1 -> {
                    if (bytes.length >= 2) {
                        int at = random.nextInt(Math.min(bytes.length - 1, 120));
                        int value = INTERESTING[random.nextInt(INTERESTING.length)];
                        bytes[at] = (byte) (value >>> 8);
                        bytes[at + 1] = (byte) value;
                    }
                }
                case 2 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
                case 3 -> {
                    byte[] tail = new byte[random.nextInt(64)];
                    random.nextBytes(tail);
                    bytes = concat(bytes, tail);
                }
                default -> bytes[random.nextInt(Math.min(bytes.length, 80))] ^= (byte) (1 << random.nextInt(8));
            }
        }
        return bytes;
    }

    /** A frame to mutate, copied out of its capture. */
    private record CorpusFrame(LinkType linkType, byte[] bytes, long timestampMicros) {
    }

    /** Frames from captures of every link type, plus hand-built tunnels and fragments. */
    private static List<CorpusFrame> corpus() throws IOException {
        List<CorpusFrame> corpus = new ArrayList<>();
        for (String file : new String[] {"hep-erspan_sip_ipv4_udp.pcapng", "sngrep-ipv6frag.pcap", "sngrep-ipip.pcap",
            "suri-sip-body-large.pcap", "zeek-sip-long-request-response-paths.pcap", "ws-DTMFsipinfo.pcap",
            "ndpi-rtp.pcapng", "synth-ipv6-call.pcapng", "hep-sip_ipv4_tcp.pcap", "ws-aaa.pcap"}) {
            CapturedFrame frame = new CapturedFrame();
            try (CaptureFileReader reader = CaptureFileReader.open(Captures.capture(file))) {
                while (reader.next(frame)) {
                    corpus.add(new CorpusFrame(frame.linkType(),
                            Arrays.copyOfRange(frame.data(), frame.offset(), frame.offset() + frame.length()),
                            frame.timestampMicros()));
                }
            }
        }
        byte[] sip = sipOverEthernet("INVITE sip:fuzz SIP/2.0\r\n\r\n");
        byte[] innerIp = Arrays.copyOfRange(sip, 14, sip.length);
        long time = 1_700_000_000_000_000L;
        List<byte[]> ethernetFrames = List.of(
                ethernet(0x0800, ipv4("1.1.1.1", "2.2.2.2", UDP, udp(1, 4789, concat(bytes(8, 0, 0, 0, 0, 0, 1, 0), sip)))),
                ethernet(0x0800, ipv4("1.1.1.1", "2.2.2.2", 47, gre(0xB000, 0x0800, innerIp))),
                ethernet(0x0800, ipv4("1.1.1.1", "2.2.2.2", 47, gre(0x1000, 0x88BE, concat(new byte[8], sip)))),
                ethernet(0x0800, ipv4("1.1.1.1", "2.2.2.2", 47,
                        gre(0x1000, 0x22EB, concat(bytes(0x20, 0, 0, 0), u32(0), bytes(0, 0, 0, 1), new byte[8], sip)))),
                ethernet(0x88A8, concat(u16(1), u16(0x8100), u16(2), u16(0x8847), bytes(0, 1, 0, 64), bytes(0, 2, 1, 64),
                        u32(0), sip)),
                ethernet(0x8864, concat(bytes(0x11, 0), u16(1), u16(innerIp.length + 2), u16(0x0021), innerIp)),
                ethernet(0x86DD, ipv6("fd00::1", "fd00::2", 0, concat(bytes(44, 0), new byte[6],
                        Packets.ipv6Fragment(60, 5, 0, true, concat(bytes(UDP, 0), new byte[6], new byte[64]))))),
                ethernet(0x86DD, ipv6("fd00::1", "fd00::2", 41, ipv6("fd00::3", "fd00::4", 4, innerIp))),
                ethernet(0x0800, Packets.ipv4Fragment("10.0.0.1", "10.0.0.2", UDP, 7, 0, true,
                        udp(5060, 5060, ascii("INVITE sip:a@b SIP/2.0\r\n")))),
                ethernet(0x0800, Packets.ipv4Fragment("10.0.0.1", "10.0.0.2", UDP, 7, 32, false, new byte[40])));
        for (byte[] frame : ethernetFrames) {
            corpus.add(new CorpusFrame(LinkType.ETHERNET, frame, time));
        }
        return corpus;
    }
}
