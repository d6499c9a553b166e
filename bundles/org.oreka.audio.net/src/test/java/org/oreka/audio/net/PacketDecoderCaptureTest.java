package org.oreka.audio.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oreka.audio.net.Captures.Decoded;
import org.oreka.sdk.capture.CapturedFrame;
import org.oreka.sdk.net.Transport;

/** Decodes the public test captures and checks the result against testdata/pcap/GROUNDTRUTH.txt (tshark). */
class PacketDecoderCaptureTest {

    private static final Pattern CONTENT_LENGTH = Pattern.compile("\r\nContent-Length: *(\\d+)\r\n", Pattern.CASE_INSENSITIVE);

    @Test
    void theVlanTaggedCopyDecodesExactlyLikeItsOriginal() throws IOException {
        List<String> original = keys(Captures.decode("ws-sip-rtp-g711.pcap"));
        List<String> tagged = keys(Captures.decode("derived-sip-rtp-g711-vlan100.pcap"));
        assertEquals(852, original.size());
        assertEquals(original, tagged);
    }

    private static List<String> keys(List<Decoded> packets) {
        return packets.stream().map(p -> p.transport() + " " + p.source() + ":" + p.sourcePort() + ">"
                + p.destination() + ":" + p.destinationPort() + " " + p.timestampMicros() + " "
                + HexFormat.of().formatHex(p.payload())).collect(Collectors.toList());
    }

    @Test
    void ipv6FragmentsOverLinuxCookedCaptureReassembleIntoTwoWholeInvites() throws IOException {
        PacketDecoder decoder = new PacketDecoder(true);
        List<Decoded> packets = Captures.decode("sngrep-ipv6frag.pcap", decoder);

        assertEquals(32, packets.size(), "SIP transport udp=32 in the ground truth");
        List<Decoded> invites = packets.stream().filter(p -> p.startsWith("INVITE ")).collect(Collectors.toList());
        assertEquals(2, invites.size());
        for (Decoded invite : invites) {
            assertEquals(6, invite.ipVersion());
            assertEquals(Transport.UDP, invite.transport());
            assertWholeSipMessage(invite);
        }
        DecoderStatistics statistics = decoder.statistics();
        assertEquals(2, statistics.datagramsReassembled());
        assertEquals(0, statistics.fragmentsPending());
        assertEquals(34, statistics.frames());
    }

    /** The body after the blank line is exactly as long as Content-Length says, so nothing was lost or added. */
    private static void assertWholeSipMessage(Decoded message) {
        String text = message.text();
        Matcher length = CONTENT_LENGTH.matcher(text);
        assertTrue(length.find(), "no Content-Length in " + text);
        int bodyStart = text.indexOf("\r\n\r\n") + 4;
        assertEquals(Integer.parseInt(length.group(1)), text.length() - bodyStart, text);
    }

    @Test
    void withoutReassemblyTheIpv6InvitesArriveCutAfterTheirFirstFragment() throws IOException {
        PacketDecoder decoder = new PacketDecoder(false);
        List<Integer> cut = inviteLengths(Captures.decode("sngrep-ipv6frag.pcap", decoder));
        List<Integer> whole = inviteLengths(Captures.decode("sngrep-ipv6frag.pcap"));

        assertEquals(2, cut.size());
        for (int i = 0; i < 2; i++) {
            assertTrue(cut.get(i) < whole.get(i), "first fragment " + cut.get(i) + " of " + whole.get(i));
        }
        assertEquals(2, decoder.statistics().fragmentsDropped());
    }

    private static List<Integer> inviteLengths(List<Decoded> packets) {
        return packets.stream().filter(p -> p.startsWith("INVITE ")).map(p -> p.payload().length)
                .collect(Collectors.toList());
    }

    @Test
    void tcpSegmentsOverBsdLoopback() throws IOException {
        List<Decoded> packets = Captures.decode("suri-sip-body-large.pcap");

        assertEquals(16, packets.size());
        assertTrue(packets.stream().allMatch(p -> p.transport() == Transport.TCP));
        List<Integer> dataSegments = packets.stream().map(p -> p.payload().length).filter(n -> n > 0)
                .collect(Collectors.toList());
        // The INVITE: 4 x 16332 + 465 bytes; then the 100 Trying.
        assertEquals(List.of(16332, 16332, 16332, 16332, 465), dataSegments.subList(0, 5));
        Decoded first = packets.stream().filter(p -> p.payload().length > 0).findFirst().orElseThrow();
        assertTrue(first.startsWith("INVITE "));
        assertTrue(packets.stream().anyMatch(p -> (p.tcpFlags() & 0x02) != 0), "the handshake's SYN");
    }

    @Test
    void rawIpv4LinkType() throws IOException {
        List<Decoded> packets = Captures.decode("zeek-sip-long-request-response-paths.pcap");
        assertEquals(2, packets.size());
        assertTrue(packets.get(0).startsWith("OPTIONS "));
        assertTrue(packets.get(1).startsWith("SIP/2.0 200"));
    }

    @Test
    void sipOverGreTransparentEthernetBridging() throws IOException {
        PacketDecoder decoder = new PacketDecoder(true);
        List<Decoded> packets = Captures.decode("hep-erspan_sip_ipv4_udp.pcapng", decoder);

        assertEquals(140, packets.size(), "SIP transport udp=140");
        assertTrue(packets.stream().allMatch(p -> p.transport() == Transport.UDP && isSip(p)));
        assertEquals(16, packets.stream().filter(p -> p.startsWith("INVITE ")).count(), "INVITE=16");
        assertEquals(12, packets.stream().filter(p -> p.startsWith("SUBSCRIBE ")).count(), "SUBSCRIBE=12");
        assertEquals(4, packets.stream().filter(p -> p.startsWith("REFER ")).count(), "REFER=4");
        // The tunnel's outer addresses (192.168.1.213 -> 192.168.8.68) never reach the packet.
        assertTrue(packets.stream().noneMatch(p -> p.source().equals("192.168.1.213")));
    }

    @Test
    void sipOverIpInIp() throws IOException {
        List<Decoded> packets = Captures.decode("sngrep-ipip.pcap");
        assertEquals(4, packets.size(), "SIP transport tcp=4");
        assertTrue(packets.stream().allMatch(p -> p.transport() == Transport.TCP));
        assertEquals(List.of("INVITE", "SIP/2.0 183", "SIP/2.0 200", "BYE"),
                packets.stream().map(p -> p.text().startsWith("SIP/2.0") ? p.text().substring(0, 11)
                        : p.text().substring(0, p.text().indexOf(' '))).collect(Collectors.toList()));
    }

    @Test
    void sipInfoDigitsOverPppoe() throws IOException {
        List<Decoded> packets = Captures.decode("ws-DTMFsipinfo.pcap");

        assertEquals(32, packets.size(), "SIP transport udp=32");
        assertEquals(5, packets.stream().filter(p -> p.startsWith("INVITE ")).count(), "INVITE=5");
        String digits = packets.stream().filter(p -> p.startsWith("INFO ")).map(Decoded::text)
                .map(text -> text.replaceAll("(?s).*Signal= *(\\S+).*", "$1")).collect(Collectors.joining());
        assertEquals("1342", digits);
    }

    @Test
    void rtpOverIpv6FromPcapng() throws IOException {
        List<Decoded> packets = Captures.decode("synth-ipv6-call.pcapng");

        assertEquals(305, packets.size());
        List<Decoded> rtp = packets.stream().filter(Decoded::looksLikeRtp).collect(Collectors.toList());
        assertEquals(300, rtp.size());
        assertTrue(rtp.stream().allMatch(p -> p.ipVersion() == 6));
        assertEquals(150, rtp.stream().filter(p -> p.source().equals("2001:db8:0:0:0:0:0:a") && p.sourcePort() == 16000
                && p.destinationPort() == 17000).count());
    }

    @Test
    void sipOverIpv6Udp() throws IOException {
        List<Decoded> packets = Captures.decode("hep-sip_ipv6_udp.pcap");
        assertEquals(6, packets.size(), "SIP transport udp=6");
        assertTrue(packets.stream().allMatch(p -> p.ipVersion() == 6 && isSip(p)));
    }

    /** RTP-looking UDP datagrams against the sum of tshark's RTP stream packet counts. */
    @ParameterizedTest
    @CsvSource({
        "synth-3-concurrent-calls.pcap, 1300",
        "ws-sip-rtp-g711.pcap, 839",
        "derived-sip-rtp-g711-vlan100.pcap, 839",
        "ws-sip-rtp-g726.pcap, 3400",
        "ws-sip-rtp-ilbc.pcap, 284",
        "ws-SIP_DTMF2.pcap, 1331",
        "ws-rtp_conversacion.pcap, 2310",
        "synth-hold-reinvite-newport.pcap, 700",
        "synth-siprec-2streams.pcap, 400",
        "sipp-g711a.pcap, 236",
        "hep-sip_ipv4_tcp.pcap, 66",
        "derived-sip-rtp-g729a-truncated.pcap, 305",
    })
    void rtpPacketCountsMatchTheGroundTruth(String file, long rtpPackets) throws IOException {
        assertEquals(rtpPackets, Captures.decode(file).stream().filter(Decoded::looksLikeRtp).count());
    }

    @Test
    void vlanTaggedFramesOfAMergedPcapng() throws IOException {
        PacketDecoder decoder = new PacketDecoder(true);
        CapturedFrame frame = new CapturedFrame();
        int tagged = 0;
        int taggedDecoded = 0;
        try (CaptureFileReader reader = CaptureFileReader.open(Captures.capture("ndpi-rtp.pcapng"))) {
            while (reader.next(frame)) {
                byte[] b = frame.data();
                boolean vlan = (b[frame.offset() + 12] & 0xff) == 0x81 && b[frame.offset() + 13] == 0;
                TransportPacket packet = decoder.decode(frame);
                if (vlan) {
                    tagged++;
                    assertNotNull(packet);
                    taggedDecoded++;
                    assertEquals(55402, packet.sourcePort());
                }
            }
        }
        assertEquals(30, tagged, "VLAN vid 1508: 30 pkts");
        assertEquals(30, taggedDecoded);
        DecoderStatistics statistics = decoder.statistics();
        assertEquals(112, statistics.frames());
        assertEquals(112, statistics.udp() + statistics.tcp(), "RTP over UDP and over TCP");
    }

    @Test
    void everyFrameIsAccountedForInTheStatistics() throws IOException {
        for (String file : new String[] {"ws-SIP_CALL_RTP_G711.pcap", "ws-aaa.pcap", "ndpi-skinny.pcap",
            "ws-MagicJack_short_call.pcap", "ws-LtoZ_rtpFilter_fail_2.pcap"}) {
            PacketDecoder decoder = new PacketDecoder(true);
            List<Decoded> packets = Captures.decode(file, decoder);
            DecoderStatistics s = decoder.statistics();
            assertEquals(s.frames(), s.udp() + s.tcp() + s.notIp() + s.malformed() + s.truncated()
                    + s.unsupportedLinkType() + s.fragments(), file + " " + s);
            assertEquals(packets.size(), s.udp() + s.tcp());
            assertEquals(0, s.malformed() + s.truncated(), file + " " + s);
        }
    }

    private static boolean isSip(Decoded packet) {
        String firstLine = packet.text().lines().findFirst().orElse("");
        return firstLine.startsWith("SIP/2.0 ") || firstLine.endsWith(" SIP/2.0");
    }
}
