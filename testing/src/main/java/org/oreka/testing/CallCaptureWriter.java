package org.oreka.testing;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

import org.oreka.audio.codec.g711.G711;

/**
 * Writes a classic pcap (Ethernet, IPv4, UDP) of synthetic calls, their packets interleaved in time order: the
 * SIP dialog on port 5060 and 20 ms G.711 RTP packets in both directions, each side a pure tone.
 */
public final class CallCaptureWriter {

    private static final int RTP_INTERVAL_MICROS = 20_000;
    private static final int SAMPLES_PER_PACKET = 160;

    private CallCaptureWriter() {
    }

    /**
     * {@code count} calls of {@code durationMillis} starting {@code spacingMillis} apart, every one between its own
     * pair of addresses, with tones that tell every call and side apart ({@link #callerTone(int)},
     * {@link #calleeTone(int)}).
     */
    public static List<SyntheticCall> concurrentCalls(int count, long durationMillis, long spacingMillis) {
        List<SyntheticCall> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String caller = "10.1." + (i / 250) + "." + (i % 250 + 1);
            String callee = "10.2." + (i / 250) + "." + (i % 250 + 1);
            calls.add(new SyntheticCall("synthetic-" + i + "@10.1.0.1", "1" + String.format("%04d", i),
                    "2" + String.format("%04d", i), caller, callee, 10_000 + 2 * (i % 20_000), 30_000 + 2 * (i % 15_000),
                    i * spacingMillis, durationMillis, i % 2 == 0 ? 0 : 8, callerTone(i), calleeTone(i)));
        }
        return calls;
    }

    /** The caller tone of call {@code i}: 300 Hz upwards in 7 Hz steps, below 1000 Hz. */
    public static double callerTone(int i) {
        return 300 + 7 * (i % 100);
    }

    /** The callee tone of call {@code i}: 1100 Hz upwards in 7 Hz steps, below 2000 Hz. */
    public static double calleeTone(int i) {
        return 1100 + 7 * (i % 100);
    }

    /**
     * Writes the capture.
     *
     * @param epochMicros capture time of the capture's start
     * @return the number of packets written
     */
    public static long write(Path file, List<SyntheticCall> calls, long epochMicros) throws IOException {
        PriorityQueue<CallPackets> queue = new PriorityQueue<>((a, b) -> Long.compare(a.nextMicros(), b.nextMicros()));
        for (SyntheticCall call : calls) {
            queue.add(new CallPackets(call, epochMicros));
        }
        long packets = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
            out.write(header.array());
            ByteBuffer frame = ByteBuffer.allocate(2048);
            while (!queue.isEmpty()) {
                CallPackets call = queue.poll();
                long at = call.nextMicros();
                frame.clear();
                call.writeNext(frame);
                ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
                record.putInt((int) (at / 1_000_000)).putInt((int) (at % 1_000_000)).putInt(frame.position()).putInt(frame.position());
                out.write(record.array());
                out.write(frame.array(), 0, frame.position());
                packets++;
                if (call.hasMore()) {
                    queue.add(call);
                }
            }
        }
        return packets;
    }

    /** The packets of one call, produced in time order. */
    private static final class CallPackets {
        private final SyntheticCall call;
        private final byte[] callerIp;
        private final byte[] calleeIp;
        private final long startMicros;
        private final int rtpPackets;
        private int step;
        private int callerSeq;
        private int calleeSeq;

        CallPackets(SyntheticCall call, long epochMicros) {
            this.call = call;
            this.callerIp = ip(call.callerIp());
            this.calleeIp = ip(call.calleeIp());
            this.startMicros = epochMicros + call.startMillis() * 1000;
            this.rtpPackets = (int) (call.durationMillis() * 1000 / RTP_INTERVAL_MICROS);
        }

        // Steps: 0 INVITE, 1 200 OK, 2 ACK, then 2 RTP packets per interval, then BYE and its 200 OK.
        private int steps() {
            return 3 + 2 * rtpPackets + 2;
        }

        boolean hasMore() {
            return step < steps();
        }

        long nextMicros() {
            if (step < 3) {
                return startMicros + step * 20_000L;
            }
            int rtp = step - 3;
            if (rtp < 2 * rtpPackets) {
                return startMicros + 100_000 + (rtp / 2) * (long) RTP_INTERVAL_MICROS + (rtp % 2) * 3_000L;
            }
            return startMicros + 100_000 + rtpPackets * (long) RTP_INTERVAL_MICROS + 20_000L * (rtp - 2 * rtpPackets);
        }

        void writeNext(ByteBuffer frame) {
            int rtp = step - 3;
            if (step == 0) {
                sip(frame, callerIp, 5060, calleeIp, 5060, invite());
            } else if (step == 1) {
                sip(frame, calleeIp, 5060, callerIp, 5060, response("200 OK", "INVITE", sdp(call.calleeIp(), call.calleeRtpPort())));
            } else if (step == 2) {
                sip(frame, callerIp, 5060, calleeIp, 5060, request("ACK", ""));
            } else if (rtp < 2 * rtpPackets) {
                boolean fromCaller = rtp % 2 == 0;
                int index = rtp / 2;
                byte[] payload = tone(fromCaller ? call.callerToneHz() : call.calleeToneHz(), index);
                if (fromCaller) {
                    rtp(frame, callerIp, call.callerRtpPort(), calleeIp, call.calleeRtpPort(), callerSeq++, index, 0x1000 + 2 * (int) call.startMillis(), payload);
                } else {
                    rtp(frame, calleeIp, call.calleeRtpPort(), callerIp, call.callerRtpPort(), calleeSeq++, index, 0x2000 + 2 * (int) call.startMillis(), payload);
                }
            } else if (rtp == 2 * rtpPackets) {
                sip(frame, callerIp, 5060, calleeIp, 5060, request("BYE", ""));
            } else {
                sip(frame, calleeIp, 5060, callerIp, 5060, response("200 OK", "BYE", ""));
            }
            step++;
        }

        private String invite() {
            return request("INVITE", sdp(call.callerIp(), call.callerRtpPort()));
        }

        private String request(String method, String body) {
            String cseq = method.equals("BYE") ? "2 BYE" : method.equals("ACK") ? "1 ACK" : "1 INVITE";
            return method + " sip:" + call.callee() + "@" + call.calleeIp() + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP " + call.callerIp() + ":5060;branch=z9hG4bK" + call.callId().hashCode() + step + "\r\n"
                    + "From: <sip:" + call.caller() + "@" + call.callerIp() + ">;tag=a\r\n"
                    + "To: <sip:" + call.callee() + "@" + call.calleeIp() + ">" + (method.equals("INVITE") ? "" : ";tag=b") + "\r\n"
                    + "Call-ID: " + call.callId() + "\r\n" + "CSeq: " + cseq + "\r\n"
                    + "Contact: <sip:" + call.caller() + "@" + call.callerIp() + ":5060>\r\n"
                    + "User-Agent: oreka-testing\r\n" + body(body);
        }

        private String response(String status, String method, String body) {
            return "SIP/2.0 " + status + "\r\n"
                    + "Via: SIP/2.0/UDP " + call.callerIp() + ":5060;branch=z9hG4bK" + call.callId().hashCode() + "\r\n"
                    + "From: <sip:" + call.caller() + "@" + call.callerIp() + ">;tag=a\r\n"
                    + "To: <sip:" + call.callee() + "@" + call.calleeIp() + ">;tag=b\r\n"
                    + "Call-ID: " + call.callId() + "\r\n" + "CSeq: " + (method.equals("BYE") ? "2 BYE" : "1 INVITE") + "\r\n"
                    + "Contact: <sip:" + call.callee() + "@" + call.calleeIp() + ":5060>\r\n" + body(body);
        }

        private static String body(String body) {
            if (body.isEmpty()) {
                return "Content-Length: 0\r\n\r\n";
            }
            return "Content-Type: application/sdp\r\nContent-Length: " + body.getBytes(StandardCharsets.US_ASCII).length
                    + "\r\n\r\n" + body;
        }

        private String sdp(String ip, int port) {
            String codec = call.payloadType() == 0 ? "PCMU" : "PCMA";
            return "v=0\r\no=- 1 1 IN IP4 " + ip + "\r\ns=-\r\nc=IN IP4 " + ip + "\r\nt=0 0\r\n"
                    + "m=audio " + port + " RTP/AVP " + call.payloadType() + "\r\n"
                    + "a=rtpmap:" + call.payloadType() + " " + codec + "/8000\r\na=sendrecv\r\n";
        }

        private byte[] tone(double hz, int packetIndex) {
            byte[] payload = new byte[SAMPLES_PER_PACKET];
            for (int i = 0; i < SAMPLES_PER_PACKET; i++) {
                long n = (long) packetIndex * SAMPLES_PER_PACKET + i;
                short sample = (short) Math.round(8000 * Math.sin(2 * Math.PI * hz * n / 8000.0));
                payload[i] = call.payloadType() == 0 ? G711.linearToUlaw(sample) : G711.linearToAlaw(sample);
            }
            return payload;
        }

        private void rtp(ByteBuffer frame, byte[] src, int srcPort, byte[] dst, int dstPort, int seq, int index, int ssrc,
                byte[] payload) {
            ByteBuffer datagram = ByteBuffer.allocate(12 + payload.length);
            datagram.put((byte) 0x80).put((byte) call.payloadType()).putShort((short) seq)
                    .putInt(index * SAMPLES_PER_PACKET).putInt(ssrc).put(payload);
            udp(frame, src, srcPort, dst, dstPort, datagram.array());
        }

        private void sip(ByteBuffer frame, byte[] src, int srcPort, byte[] dst, int dstPort, String message) {
            udp(frame, src, srcPort, dst, dstPort, message.getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static void udp(ByteBuffer frame, byte[] src, int srcPort, byte[] dst, int dstPort, byte[] payload) {
        frame.order(ByteOrder.BIG_ENDIAN);
        frame.put(new byte[] {0, 0x16, 0x3e, 0, 0, 2}).put(new byte[] {0, 0x16, 0x3e, 0, 0, 1}).putShort((short) 0x0800);
        int ipStart = frame.position();
        int total = 20 + 8 + payload.length;
        frame.put((byte) 0x45).put((byte) 0).putShort((short) total).putShort((short) 0).putShort((short) 0x4000)
                .put((byte) 64).put((byte) 17).putShort((short) 0).put(src).put(dst);
        int sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += (frame.get(ipStart + i) & 0xff) << 8 | (frame.get(ipStart + i + 1) & 0xff);
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        frame.putShort(ipStart + 10, (short) ~sum);
        frame.putShort((short) srcPort).putShort((short) dstPort).putShort((short) (8 + payload.length)).putShort((short) 0);
        frame.put(payload);
    }

    private static byte[] ip(String dotted) {
        try {
            return InetAddress.getByName(dotted).getAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(dotted, e);
        }
    }
}
