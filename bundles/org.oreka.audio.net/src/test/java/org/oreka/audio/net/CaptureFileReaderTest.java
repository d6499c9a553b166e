package org.oreka.audio.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oreka.sdk.capture.CapturedFrame;
import org.oreka.sdk.capture.LinkType;

/** Reads the test captures and hand-built pcap and pcapng files, including broken ones. */
class CaptureFileReaderTest {

    private static final DateTimeFormatter CAPINFOS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    @TempDir
    Path temp;

    /** What capinfos says of one capture in GROUNDTRUTH.txt. */
    private record Truth(String format, long frames, String first, String last) {
    }

    /** What reading a whole file gave. */
    private record Summary(long frames, boolean truncated, long firstMicros, long lastMicros) {
    }

    private static Summary read(Path file) throws IOException {
        CapturedFrame frame = new CapturedFrame();
        long first = Long.MIN_VALUE;
        long last = 0;
        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            while (reader.next(frame)) {
                if (first == Long.MIN_VALUE) {
                    first = frame.timestampMicros();
                }
                last = frame.timestampMicros();
                assertEquals(file.getFileName().toString(), frame.source());
            }
            assertFalse(reader.next(frame), "stays at the end");
            return new Summary(reader.framesRead(), reader.truncated(), first, last);
        }
    }

    private static Map<String, Truth> groundTruth() throws IOException {
        Map<String, Truth> truths = new LinkedHashMap<>();
        String file = null;
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Captures.folder().resolve("GROUNDTRUTH.txt"))) {
            if (line.startsWith("### ")) {
                file = line.substring(4).trim();
                fields.clear();
            } else if (file != null && line.startsWith("  ") && line.contains(":")) {
                int colon = line.indexOf(':');
                fields.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
                if (line.trim().startsWith("Last packet time")) {
                    truths.put(file, new Truth(fields.get("File type"), Long.parseLong(fields.get("Number of packets")),
                            fields.get("First packet time"), fields.get("Last packet time")));
                }
            }
        }
        return truths;
    }

    private static long micros(String capinfosTime) {
        Instant time = LocalDateTime.parse(capinfosTime, CAPINFOS_TIME).toInstant(ZoneOffset.UTC);
        return time.getEpochSecond() * 1_000_000L + time.getNano() / 1_000;
    }

    @Test
    void frameCountsAndTimesMatchCapinfosForEveryCapture() throws IOException {
        Map<String, Truth> truths = groundTruth();
        assertEquals(38, truths.size());
        int checked = 0;
        for (Map.Entry<String, Truth> entry : truths.entrySet()) {
            Truth truth = entry.getValue();
            if (!truth.format().startsWith("pcap")) {
                continue;
            }
            Summary summary = read(Captures.capture(entry.getKey()));
            assertEquals(truth.frames(), summary.frames(), entry.getKey());
            assertEquals(entry.getKey().contains("truncated"), summary.truncated(), entry.getKey());
            assertEquals(micros(truth.last()), summary.lastMicros(), entry.getKey());
            // capinfos gives the last time as the first for this file, whose times run from 2012 to 2092.
            if (!entry.getKey().equals("hep-sip_ipv6_udp.pcap")) {
                assertEquals(micros(truth.first()), summary.firstMicros(), entry.getKey());
            }
            checked++;
        }
        assertEquals(37, checked);
    }

    @Test
    void timestampsBeyond2038AreUnsigned() throws IOException {
        assertEquals(micros("2092-07-22 14:50:02.251758"), read(Captures.capture("hep-sip_ipv6_udp.pcap")).lastMicros());
    }

    @Test
    void aFileCutShortEndsCleanlyAfterItsLastWholeRecord() throws IOException {
        Summary summary = read(Captures.capture("derived-sip-rtp-g729a-truncated.pcap"));
        assertEquals(310, summary.frames());
        assertTrue(summary.truncated());
    }

    @Test
    void aNetMonCaptureIsRejected() {
        Path netmon = Captures.capture("ws-c07-sip-r2-netmon.cap");
        CaptureFileException e = assertThrows(CaptureFileException.class, () -> CaptureFileReader.open(netmon));
        assertTrue(e.getMessage().contains("ws-c07-sip-r2-netmon.cap"), e.getMessage());
        assertTrue(e.getMessage().contains("not a pcap or pcapng capture"), e.getMessage());
        assertEquals(netmon, e.file());
    }

    @Test
    void emptyShortAndHeaderlessFilesAreRejected() throws IOException {
        Path empty = Files.write(temp.resolve("empty.pcap"), new byte[0]);
        assertTrue(assertThrows(CaptureFileException.class, () -> CaptureFileReader.open(empty)).getMessage().contains("empty"));
        Path tiny = Files.write(temp.resolve("tiny.pcap"), new byte[] {(byte) 0xd4, (byte) 0xc3});
        assertThrows(CaptureFileException.class, () -> CaptureFileReader.open(tiny));
        Path headerOnly = Files.write(temp.resolve("cut.pcap"), Arrays.copyOf(pcapHeader(ByteOrder.LITTLE_ENDIAN, false, 1), 12));
        assertThrows(CaptureFileException.class, () -> CaptureFileReader.open(headerOnly));
        Path text = Files.writeString(temp.resolve("notes.pcap"), "this is not a capture");
        assertThrows(CaptureFileException.class, () -> CaptureFileReader.open(text));
        ByteBuffer badMagic = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN).putInt(0x0A0D0D0A).putInt(28)
                .putInt(0x11223344);
        Path pcapng = Files.write(temp.resolve("bad.pcapng"), badMagic.array());
        assertThrows(CaptureFileException.class, () -> CaptureFileReader.open(pcapng));
    }

    @Test
    void aHeaderOnlyPcapHasNoFrames() throws IOException {
        Path file = Files.write(temp.resolve("header.pcap"), pcapHeader(ByteOrder.BIG_ENDIAN, true, 1));
        Summary summary = read(file);
        assertEquals(0, summary.frames());
        assertFalse(summary.truncated());
    }

    @Test
    void anAbsurdRecordLengthEndsReadingAsTruncated() throws IOException {
        byte[] original = Files.readAllBytes(Captures.capture("sipp-dtmf_2833_1.pcap"));
        for (int absurd : new int[] {-1, 0x7FFFFFFF, CaptureFileReader.MAX_RECORD_BYTES + 1}) {
            byte[] corrupt = original.clone();
            int third = thirdRecordOffset(corrupt);
            ByteBuffer.wrap(corrupt).order(ByteOrder.LITTLE_ENDIAN).putInt(third + 8, absurd);
            Summary summary = read(Files.write(temp.resolve("absurd.pcap"), corrupt));
            assertEquals(2, summary.frames());
            assertTrue(summary.truncated());
        }
    }

    private static int thirdRecordOffset(byte[] pcap) {
        ByteBuffer b = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        int at = 24;
        for (int i = 0; i < 2; i++) {
            at += 16 + b.getInt(at + 8);
        }
        return at;
    }

    @Test
    void bigEndianNanosecondPcapReadsLikeItsLittleEndianMicrosecondOriginal() throws IOException {
        Path original = Captures.capture("sipp-dtmf_2833_pound.pcap");
        byte[] little = Files.readAllBytes(original);
        ByteBuffer in = ByteBuffer.wrap(little).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer out = ByteBuffer.allocate(little.length).order(ByteOrder.BIG_ENDIAN);
        out.put(pcapHeader(ByteOrder.BIG_ENDIAN, true, 1));
        for (int at = 24; at < little.length;) {
            int captured = in.getInt(at + 8);
            out.putInt(in.getInt(at)).putInt(in.getInt(at + 4) * 1000 + 999).putInt(captured).putInt(in.getInt(at + 12));
            out.put(little, at + 16, captured);
            at += 16 + captured;
        }
        Path big = Files.write(temp.resolve("big-endian-ns.pcap"), out.array());

        List<byte[]> expected = frames(original);
        List<byte[]> actual = frames(big);
        assertEquals(10, expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i));
        }
        assertEquals(read(original).lastMicros(), read(big).lastMicros());
    }

    /** Each frame's timestamp (8 bytes) followed by its bytes. */
    private static List<byte[]> frames(Path file) throws IOException {
        List<byte[]> frames = new ArrayList<>();
        CapturedFrame frame = new CapturedFrame();
        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            while (reader.next(frame)) {
                ByteBuffer copy = ByteBuffer.allocate(8 + frame.length()).putLong(frame.timestampMicros());
                copy.put(frame.data(), frame.offset(), frame.length());
                frames.add(copy.array());
            }
        }
        return frames;
    }

    @Test
    void framesAreServedInPlaceFromOneBuffer() throws IOException {
        CapturedFrame frame = new CapturedFrame();
        try (CaptureFileReader reader = CaptureFileReader.open(Captures.capture("ws-sip-rtp-g711.pcap"))) {
            reader.next(frame);
            byte[] buffer = frame.data();
            while (reader.next(frame)) {
                assertSame(buffer, frame.data());
            }
            assertEquals(852, reader.framesRead());
        }
    }

    @Test
    void bothInterfacesOfAMergedPcapng() throws IOException {
        CapturedFrame frame = new CapturedFrame();
        Set<Integer> interfaces = new TreeSet<>();
        try (CaptureFileReader reader = CaptureFileReader.open(Captures.capture("ndpi-rtp.pcapng"))) {
            while (reader.next(frame)) {
                interfaces.add(reader.interfaceIndex());
                assertEquals(LinkType.ETHERNET, frame.linkType());
            }
            assertEquals(112, reader.framesRead());
        }
        assertEquals(Set.of(0, 1), interfaces);
    }

    @Test
    void pcapngSectionsInBothByteOrdersWithTheirOwnInterfacesAndResolutions() throws IOException {
        byte[] one = {1, 2, 3, 4, 5};
        byte[] two = {6, 7, 8};
        Pcapng big = new Pcapng(ByteOrder.BIG_ENDIAN)
                .sectionHeader()
                .interfaceDescription(1, 9, null)               // Ethernet, nanoseconds
                .block(0x00000BAD, new byte[12])               // unknown: skipped
                .interfaceDescription(101, 0x83, 10L)           // raw IP, 1/8 s units, 10 s offset
                .enhancedPacket(1, 8L * 1_000 + 4, one)         // 1000.5 s + 10 s
                .enhancedPacket(7, 1, one)                      // an interface never described: skipped
                .enhancedPacket(0, 1_500_000_123_456_789_000L, two)
                .simplePacket(one)
                .obsoletePacket(1, 16, two);
        Pcapng little = new Pcapng(ByteOrder.LITTLE_ENDIAN)
                .sectionHeader()
                .interfaceDescription(113, null, null)          // Linux cooked, default microseconds
                .enhancedPacket(0, 42, two);
        Path file = Files.write(temp.resolve("sections.pcapng"), Packets.concat(big.bytes(), little.bytes()));

        CapturedFrame frame = new CapturedFrame();
        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            assertTrue(reader.next(frame));
            assertEquals(LinkType.RAW, frame.linkType());
            assertEquals(1_010_500_000L, frame.timestampMicros());
            assertEquals(1, reader.interfaceIndex());
            assertArrayEquals(one, Arrays.copyOfRange(frame.data(), frame.offset(), frame.offset() + frame.length()));

            assertTrue(reader.next(frame));
            assertEquals(LinkType.ETHERNET, frame.linkType());
            assertEquals(1_500_000_123_456_789L, frame.timestampMicros());
            assertEquals(3, frame.length());

            assertTrue(reader.next(frame));
            assertEquals(LinkType.ETHERNET, frame.linkType(), "a simple packet block belongs to interface 0");
            assertEquals(1_500_000_123_456_789L, frame.timestampMicros(), "and takes the previous packet's time");
            assertEquals(5, frame.length());

            assertTrue(reader.next(frame));
            assertEquals(LinkType.RAW, frame.linkType());
            assertEquals(12_000_000L, frame.timestampMicros());

            assertTrue(reader.next(frame));
            assertEquals(LinkType.LINUX_SLL, frame.linkType());
            assertEquals(42, frame.timestampMicros());
            assertEquals(0, reader.interfaceIndex());

            assertFalse(reader.next(frame));
            assertFalse(reader.truncated());
            assertEquals(5, reader.framesRead());
        }
    }

    @Test
    void aPcapngCutInsideABlockOrWithABadBlockLengthEndsAsTruncated() throws IOException {
        byte[] whole = new Pcapng(ByteOrder.LITTLE_ENDIAN).sectionHeader().interfaceDescription(1, null, null)
                .enhancedPacket(0, 1, new byte[60]).enhancedPacket(0, 2, new byte[60]).bytes();
        Summary cut = read(Files.write(temp.resolve("cut.pcapng"), Arrays.copyOf(whole, whole.length - 10)));
        assertEquals(1, cut.frames());
        assertTrue(cut.truncated());

        byte[] badLength = whole.clone();
        int secondPacket = whole.length - (32 + 60);
        ByteBuffer.wrap(badLength).order(ByteOrder.LITTLE_ENDIAN).putInt(secondPacket + 4, 13);
        Summary bad = read(Files.write(temp.resolve("bad-length.pcapng"), badLength));
        assertEquals(1, bad.frames());
        assertTrue(bad.truncated());

        Summary intact = read(Files.write(temp.resolve("whole.pcapng"), whole));
        assertEquals(2, intact.frames());
        assertFalse(intact.truncated());
    }

    private static byte[] pcapHeader(ByteOrder order, boolean nanoseconds, int linkType) {
        return ByteBuffer.allocate(24).order(order).putInt(nanoseconds ? 0xA1B23C4D : 0xA1B2C3D4).putShort((short) 2)
                .putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(linkType).array();
    }

    /** Writes pcapng blocks in one byte order. */
    private static final class Pcapng {
        private final ByteOrder order;
        private final List<byte[]> blocks = new ArrayList<>();

        Pcapng(ByteOrder order) {
            this.order = order;
        }

        Pcapng block(int type, byte[] body) {
            int padded = body.length + 3 & ~3;
            ByteBuffer b = ByteBuffer.allocate(12 + padded).order(order);
            b.putInt(type).putInt(12 + padded).put(body).position(8 + padded);
            b.putInt(12 + padded);
            blocks.add(b.array());
            return this;
        }

        Pcapng sectionHeader() {
            return block(0x0A0D0D0A, ByteBuffer.allocate(16).order(order).putInt(0x1A2B3C4D).putShort((short) 1)
                    .putShort((short) 0).putLong(-1).array());
        }

        Pcapng interfaceDescription(int linkType, Integer resolution, Long offsetSeconds) {
            ByteBuffer b = ByteBuffer.allocate(40).order(order).putShort((short) linkType).putShort((short) 0)
                    .putInt(65535);
            if (resolution != null) {
                b.putShort((short) 9).putShort((short) 1).put(resolution.byteValue()).put(new byte[3]);
            }
            if (offsetSeconds != null) {
                b.putShort((short) 14).putShort((short) 8).putLong(offsetSeconds);
            }
            b.putShort((short) 0).putShort((short) 0);
            return block(1, Arrays.copyOf(b.array(), b.position()));
        }

        Pcapng enhancedPacket(int interfaceId, long units, byte[] data) {
            ByteBuffer b = ByteBuffer.allocate(20 + data.length).order(order).putInt(interfaceId)
                    .putInt((int) (units >>> 32)).putInt((int) units).putInt(data.length).putInt(data.length).put(data);
            return block(6, b.array());
        }

        Pcapng simplePacket(byte[] data) {
            return block(3, ByteBuffer.allocate(4 + data.length).order(order).putInt(data.length).put(data).array());
        }

        Pcapng obsoletePacket(int interfaceId, long units, byte[] data) {
            ByteBuffer b = ByteBuffer.allocate(20 + data.length).order(order).putShort((short) interfaceId)
                    .putShort((short) 0).putInt((int) (units >>> 32)).putInt((int) units).putInt(data.length)
                    .putInt(data.length).put(data);
            return block(2, b.array());
        }

        byte[] bytes() {
            return Packets.concat(blocks.toArray(new byte[0][]));
        }
    }
}
