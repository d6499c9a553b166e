package org.oreka.audio.net;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.oreka.sdk.capture.CapturedFrame;
import org.oreka.sdk.net.Transport;

/** The test captures of testdata/pcap, and what decoding them yields. */
final class Captures {

    private Captures() {
    }

    static Path folder() {
        String testdata = System.getProperty("oreka.testdata");
        if (testdata == null) {
            throw new IllegalStateException("system property oreka.testdata is not set (the parent pom sets it)");
        }
        return Paths.get(testdata, "pcap");
    }

    static Path capture(String name) {
        return folder().resolve(name);
    }

    /** A decoded packet, copied out of the decoder's reused instance. */
    record Decoded(Transport transport, int ipVersion, String source, int sourcePort, String destination,
            int destinationPort, byte[] payload, long tcpSequence, int tcpFlags, long timestampMicros) {

        String text() {
            return new String(payload, java.nio.charset.StandardCharsets.ISO_8859_1);
        }

        boolean looksLikeRtp() {
            // RTP version 2, and not RTCP (whose packet types 200-204 read as marker + 72-76).
            return transport == Transport.UDP && payload.length >= 12 && (payload[0] & 0xC0) == 0x80
                    && !((payload[1] & 0x7F) >= 72 && (payload[1] & 0x7F) <= 76);
        }

        boolean startsWith(String prefix) {
            return text().startsWith(prefix);
        }
    }

    /** Every packet of a capture, decoded with a fresh decoder. */
    static List<Decoded> decode(String name, PacketDecoder decoder) throws IOException {
        List<Decoded> packets = new ArrayList<>();
        CapturedFrame frame = new CapturedFrame();
        try (CaptureFileReader reader = CaptureFileReader.open(capture(name))) {
            while (reader.next(frame)) {
                TransportPacket packet = decoder.decode(frame);
                if (packet != null) {
                    packets.add(copy(packet));
                }
            }
        }
        return packets;
    }

    static List<Decoded> decode(String name) throws IOException {
        return decode(name, new PacketDecoder(true));
    }

    static Decoded copy(TransportPacket packet) {
        byte[] payload = new byte[packet.payloadLength()];
        System.arraycopy(packet.payloadArray(), packet.payloadOffset(), payload, 0, payload.length);
        return new Decoded(packet.transport(), packet.ipVersion(), packet.sourceAddress().getHostAddress(),
                packet.sourcePort(), packet.destinationAddress().getHostAddress(), packet.destinationPort(), payload,
                packet.tcpSequence(), packet.tcpFlags(), packet.timestampMicros());
    }
}
