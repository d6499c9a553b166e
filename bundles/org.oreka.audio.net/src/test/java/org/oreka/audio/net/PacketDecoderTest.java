package org.oreka.audio.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.oreka.audio.net.Packets.TCP;
import static org.oreka.audio.net.Packets.UDP;
import static org.oreka.audio.net.Packets.address;
import static org.oreka.audio.net.Packets.ascii;
import static org.oreka.audio.net.Packets.bytes;
import static org.oreka.audio.net.Packets.concat;
import static org.oreka.audio.net.Packets.ethernet;
import static org.oreka.audio.net.Packets.frame;
import static org.oreka.audio.net.Packets.gre;
import static org.oreka.audio.net.Packets.ipv4;
import static org.oreka.audio.net.Packets.ipv6;
import static org.oreka.audio.net.Packets.sipOverEthernet;
import static org.oreka.audio.net.Packets.tag;
import static org.oreka.audio.net.Packets.tcp;
import static org.oreka.audio.net.Packets.text;
import static org.oreka.audio.net.Packets.u16;
import static org.oreka.audio.net.Packets.u32;
import static org.oreka.audio.net.Packets.udp;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.oreka.sdk.capture.CapturedFrame;
import org.oreka.sdk.capture.LinkType;
import org.oreka.sdk.net.Datagram;
import org.oreka.sdk.net.Transport;

/** Hand-built frames for every link layer, tunnel and header variant the decoder handles. */
class PacketDecoderTest {

    private final PacketDecoder decoder = new PacketDecoder(true);

    private TransportPacket decode(LinkType linkType, byte[] bytes) {
        return decoder.decode(frame(linkType, bytes));
    }

    /** Decodes a frame that must yield the SIP datagram built by {@link Packets#sipOverEthernet(String)}. */
    private void assertSip(String expected, LinkType linkType, byte[] bytes) {
        TransportPacket packet = decode(linkType, bytes);
        assertNotNull(packet, "no packet decoded; " + decoder.statistics());
        assertEquals(Transport.UDP, packet.transport());
        assertEquals("10.0.0.1", packet.sourceAddress().getHostAddress());
        assertEquals("10.0.0.2", packet.destinationAddress().getHostAddress());
        assertEquals(5060, packet.sourcePort());
        assertEquals(5070, packet.destinationPort());
        assertEquals(expected, text(packet));
    }

    @Test
    void ethernetIpv4UdpFillsEveryField() {
        byte[] bytes = ethernet(0x0800, ipv4("192.0.2.1", "198.51.100.7", UDP, udp(16000, 17002, ascii("rtp!"))));
        CapturedFrame frame = new CapturedFrame().set("eth0", LinkType.ETHERNET, 1234567L, bytes, 0, bytes.length,
                bytes.length);

        TransportPacket packet = decoder.decode(frame);

        assertNotNull(packet);
        assertEquals(4, packet.ipVersion());
        assertEquals(0xC0000201, packet.sourceIpv4());
        assertEquals(0xC6336407, packet.destinationIpv4());
        assertEquals(16000, packet.sourcePort());
        assertEquals(17002, packet.destinationPort());
        assertEquals("rtp!", text(packet));
        assertEquals(1234567L, packet.timestampMicros());
        assertEquals("eth0", packet.captureSource());
        assertEquals(-1, packet.tcpSequence());
        assertEquals(0, packet.tcpFlags());
        assertEquals(new DecoderStatistics(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0), decoder.statistics());
    }

    @Test
    void ethernetPaddingAndUdpLengthTrimThePayload() {
        byte[] padded = concat(sipOverEthernet("OPTIONS"), new byte[20]);
        assertSip("OPTIONS", LinkType.ETHERNET, padded);

        // The UDP length claims 3 payload bytes of the 7 the IP packet holds.
        byte[] shortUdp = sipOverEthernet("OPTIONS");
        shortUdp[14 + 20 + 5] = 11;
        assertSip("OPT", LinkType.ETHERNET, shortUdp);
    }

    @Test
    void ipv4OptionsAreSkipped() {
        byte[] header = ipv4("10.0.0.1", "10.0.0.2", UDP, new byte[0]);
        header[0] = 0x46;
        byte[] payload = udp(5060, 5070, ascii("BYE"));
        byte[] packet = concat(header, bytes(1, 1, 1, 0), payload);
        packet[3] = (byte) packet.length;
        assertSip("BYE", LinkType.ETHERNET, ethernet(0x0800, packet));
    }

    @Test
    void udpLongerThanItsIpPacketIsMalformed() {
        byte[] bytes = sipOverEthernet("ACK");
        bytes[14 + 20 + 5] = 100;
        assertNull(decode(LinkType.ETHERNET, bytes));
        assertEquals(1, decoder.statistics().malformed());
    }

    @Test
    void stackedVlanTagsOfAnyKindAreSkipped() {
        byte[] inner = ipv4("10.0.0.1", "10.0.0.2", UDP, udp(5060, 5070, ascii("INVITE")));
        byte[] tags = concat(u16(100), u16(0x8100), u16(200), u16(0x9100), u16(300), u16(0x0800));
        assertSip("INVITE", LinkType.ETHERNET, ethernet(0x88A8, concat(tags, inner)));
        assertSip("INVITE", LinkType.ETHERNET, ethernet(0x8100, concat(u16(5), u16(0x0800), inner)));
    }

    @Test
    void mplsLabelStacksCarryIpv4Ipv6OrEthernet() {
        byte[] ipv4 = ipv4("10.0.0.1", "10.0.0.2", UDP, udp(5060, 5070, ascii("v4")));
        byte[] twoLabels = concat(bytes(0x00, 0x01, 0x00, 0x40), bytes(0x00, 0x02, 0x01, 0x40));
        assertSip("v4", LinkType.ETHERNET, ethernet(0x8847, concat(twoLabels, ipv4)));

        byte[] ipv6 = ipv6("2001:db8::1", "2001:db8::2", UDP, udp(5060, 5070, ascii("v6")));
        TransportPacket packet = decode(LinkType.ETHERNET, ethernet(0x8848, concat(bytes(0, 0x10, 0x01, 0x40), ipv6)));
        assertNotNull(packet);
        assertEquals(6, packet.ipVersion());
        assertEquals("2001:db8:0:0:0:0:0:2", packet.destinationAddress().getHostAddress());

        byte[] pseudowire = concat(bytes(0, 0x20, 0x01, 0x40), u32(0), sipOverEthernet("eompls"));
        assertSip("eompls", LinkType.ETHERNET, ethernet(0x8847, pseudowire));
    }

    @Test
    void pppoeSessionsCarryIpv4AndIpv6() {
        byte[] ipv4 = ipv4("10.0.0.1", "10.0.0.2", UDP, udp(5060, 5070, ascii("INFO")));
        byte[] session = concat(bytes(0x11, 0x00), u16(0x1234), u16(ipv4.length + 2), u16(0x0021), ipv4);
        assertSip("INFO", LinkType.ETHERNET, ethernet(0x8864, concat(session, new byte[6])));

        byte[] ipv6 = ipv6("2001:db8::1", "2001:db8::2", UDP, udp(5060, 5070, ascii("INFO")));
        byte[] session6 = concat(bytes(0x11, 0x00), u16(0x1234), u16(ipv6.length + 2), u16(0x0057), ipv6);
        TransportPacket packet = decode(LinkType.ETHERNET, ethernet(0x8864, session6));
        assertNotNull(packet);
        assertEquals(6, packet.ipVersion());

        byte[] lcp = concat(bytes(0x11, 0x00), u16(0x1234), u16(6), u16(0xC021), bytes(1, 1, 0, 4));
        assertNull(decode(LinkType.ETHERNET, ethernet(0x8864, lcp)));
        assertEquals(1, decoder.statistics().notIp());
    }

    @Test
    void linuxCookedCapturesV1AndV2() {
        byte[] ipv4 = ipv4("10.0.0.1", "10.0.0.2", UDP, udp(5060, 5070, ascii("sll")));
        byte[] sll = concat(u16(0), u16(1), u16(6), bytes(2, 0, 0, 0, 0, 1, 0, 0), u16(0x0800), ipv4);
        assertSip("sll", LinkType.LINUX_SLL, sll);

        byte[] sll2 = concat(u16(0x0800), u16(0), u32(3), u16(1), bytes(0, 6), bytes(2, 0, 0, 0, 0, 1, 0, 0), ipv4);
        assertSip("sll", LinkType.LINUX_SLL2, sll2);
    }

    @Test
    void loopbackFamiliesInEitherByteOrder() {
        byte[] ipv4 = ipv4("10.0.0.1", "10.0.0.2", UDP, udp(5060, 5070, ascii("lo")));
        assertSip("lo", LinkType.NULL, concat(bytes(2, 0, 0, 0), ipv4));
        assertSip("lo", LinkType.NULL, concat(bytes(0, 0, 0, 2), ipv4));
        assertSip("lo", LinkType.LOOP, concat(bytes(0, 0, 0, 2), ipv4));

        byte[] ipv6 = ipv6("::1", "::1", UDP, udp(5060, 5070, ascii("lo6")));
        for (int family : new int[] {24, 28, 30}) {
            TransportPacket packet = decode(LinkType.NULL, concat(bytes(family, 0, 0, 0), ipv6));
            assertNotNull(packet, "family " + family);
            assertEquals(6, packet.ipVersion());
            assertNotNull(decode(LinkType.LOOP, concat(bytes(0, 0, 0, family), ipv6)), "LOOP family " + family);
        }
        assertNull(decode(LinkType.NULL, concat(bytes(7, 0, 0, 0), ipv4)));
        assertEquals(1, decoder.statistics().notIp());
    }

    @Test
    void rawIpTakesTheVersionFromTheFirstNibble() {
        byte[] ipv4 = ipv4("10.0.0.1", "10.0.0.2", UDP, udp(5060, 5070, ascii("raw")));
        byte[] ipv6 = ipv6("2001:db8::1", "2001:db8::2", UDP, udp(5060, 5070, ascii("raw6")));
        for (LinkType raw : new LinkType[] {LinkType.RAW, LinkType.IPV4, LinkType.IPV6}) {
            assertEquals(4, decode(raw, ipv4).ipVersion());
            assertEquals(6, decode(raw, ipv6).ipVersion());
        }
        assertNull(decode(LinkType.RAW, bytes(0x50, 0, 0, 0)));
        assertNull(decode(LinkType.UNSUPPORTED, ipv4));
        assertNull(decoder.decode(new CapturedFrame().set("t", null, 0, ipv4, 0, ipv4.length, ipv4.length)));
        DecoderStatistics statistics = decoder.statistics();
        assertEquals(1, statistics.malformed());
        assertEquals(2, statistics.unsupportedLinkType());
    }

    @Test
    void vxlanIsDecapsulated() {
        byte[] vxlan = concat(bytes(0x08, 0, 0, 0), bytes(0, 0x10, 0x01, 0), sipOverEthernet("INVITE vxlan"));
        byte[] outer = ethernet(0x0800, ipv4("172.16.0.1", "172.16.0.2", UDP, udp(49152, 4789, vxlan)));
        assertSip("INVITE vxlan", LinkType.ETHERNET, outer);
    }

    @Test
    void greCarriesIpEthernetAndErspan() {
        byte[] sip = sipOverEthernet("INVITE gre");
        byte[] innerIp = Arrays.copyOfRange(sip, 14, sip.length);
        String outerSource = "192.168.1.1";
        String outerDestination = "192.168.1.2";

        for (int flags : new int[] {0x0000, 0x8000, 0x2000, 0x1000, 0xB000}) {
            byte[] frame = ethernet(0x0800, ipv4(outerSource, outerDestination, 47, gre(flags, 0x0800, innerIp)));
            assertSip("INVITE gre", LinkType.ETHERNET, frame);
        }
        assertSip("INVITE gre", LinkType.ETHERNET,
                ethernet(0x0800, ipv4(outerSource, outerDestination, 47, gre(0x2000, 0x6558, sip))));
        // ERSPAN type I: no sequence number, no ERSPAN header.
        assertSip("INVITE gre", LinkType.ETHERNET,
                ethernet(0x0800, ipv4(outerSource, outerDestination, 47, gre(0x0000, 0x88BE, sip))));
        // ERSPAN type II: sequence number and an 8-byte header.
        byte[] typeII = concat(bytes(0x10, 0x64, 0x00, 0x01), u32(0), sip);
        assertSip("INVITE gre", LinkType.ETHERNET,
                ethernet(0x0800, ipv4(outerSource, outerDestination, 47, gre(0x1000, 0x88BE, typeII))));
        // PPTP's enhanced GRE (version 1) carries PPP, not IP.
        assertNull(decode(LinkType.ETHERNET,
                ethernet(0x0800, ipv4(outerSource, outerDestination, 47, gre(0x3081, 0x880B, new byte[8])))));
        assertEquals(1, decoder.statistics().notIp());
    }

    @Test
    void erspanTypeIIIWithAndWithoutPlatformSubheader() {
        byte[] sip = sipOverEthernet("INVITE erspan3");
        byte[] header = concat(bytes(0x20, 0x64, 0x00, 0x01), u32(0x01020304), bytes(0, 0, 0, 0));
        byte[] withoutSubheader = gre(0x1000, 0x22EB, concat(header, sip));
        assertSip("INVITE erspan3", LinkType.ETHERNET,
                ethernet(0x0800, ipv4("192.168.1.1", "192.168.1.2", 47, withoutSubheader)));

        byte[] headerWithO = concat(bytes(0x20, 0x64, 0x00, 0x01), u32(0x01020304), bytes(0, 0, 0, 0x01));
        byte[] platform = bytes(0x0C, 0, 0, 0, 0, 0, 0, 0);
        byte[] withSubheader = gre(0x1000, 0x22EB, concat(headerWithO, platform, sip));
        assertSip("INVITE erspan3", LinkType.ETHERNET,
                ethernet(0x0800, ipv4("192.168.1.1", "192.168.1.2", 47, withSubheader)));
    }

    @Test
    void ipInIpInEveryCombination() {
        byte[] payload = udp(5060, 5070, ascii("tunnel"));
        byte[] inner4 = ipv4("10.0.0.1", "10.0.0.2", UDP, payload);
        byte[] inner6 = ipv6("2001:db8::1", "2001:db8::2", UDP, payload);

        assertSip("tunnel", LinkType.ETHERNET, ethernet(0x0800, ipv4("1.1.1.1", "2.2.2.2", 4, inner4)));
        assertEquals(6, decode(LinkType.ETHERNET, ethernet(0x0800, ipv4("1.1.1.1", "2.2.2.2", 41, inner6))).ipVersion());
        assertSip("tunnel", LinkType.ETHERNET, ethernet(0x86DD, ipv6("2001:db8::a", "2001:db8::b", 4, inner4)));
        TransportPacket sixInSix = decode(LinkType.ETHERNET, ethernet(0x86DD, ipv6("2001:db8::a", "2001:db8::b", 41, inner6)));
        assertEquals("2001:db8:0:0:0:0:0:1", sixInSix.sourceAddress().getHostAddress());
    }

    @Test
    void nestingBeyondTheLimitIsMalformed() {
        byte[] packet = ipv4("10.0.0.1", "10.0.0.2", UDP, udp(5060, 5070, ascii("deep")));
        for (int i = 0; i < PacketDecoder.MAX_NESTING; i++) {
            packet = ipv4("10.9.9.1", "10.9.9.2", 4, packet);
        }
        assertSip("deep", LinkType.RAW, packet);

        assertNull(decode(LinkType.RAW, ipv4("10.9.9.1", "10.9.9.2", 4, packet)));
        assertEquals(1, decoder.statistics().malformed());
    }

    @Test
    void tcpSequenceFlagsAndDataOffset() {
        byte[] segment = tcp(5060, 40000, 0xFEDCBA98L, Datagram.TCP_PSH | Datagram.TCP_ACK, ascii("SIP/2.0 200 OK"));
        TransportPacket packet = decode(LinkType.ETHERNET, ethernet(0x0800, ipv4("10.0.0.1", "10.0.0.2", TCP, segment)));
        assertEquals(Transport.TCP, packet.transport());
        assertEquals(0xFEDCBA98L, packet.tcpSequence());
        assertEquals(Datagram.TCP_PSH | Datagram.TCP_ACK, packet.tcpFlags());
        assertEquals("SIP/2.0 200 OK", text(packet));

        byte[] withOptions = concat(tcp(5060, 40000, 1, Datagram.TCP_SYN, new byte[0]), bytes(2, 4, 5, 0xb4), ascii("x"));
        withOptions[12] = 0x60;
        packet = decode(LinkType.ETHERNET, ethernet(0x0800, ipv4("10.0.0.1", "10.0.0.2", TCP, withOptions)));
        assertEquals("x", text(packet));
        assertEquals(Datagram.TCP_SYN, packet.tcpFlags());
    }

    @Test
    void otherProtocolsAreNotIp() {
        assertNull(decode(LinkType.ETHERNET, ethernet(0x0806, new byte[28])));
        assertNull(decode(LinkType.ETHERNET, ethernet(0x0800, ipv4("10.0.0.1", "10.0.0.2", 1, new byte[8]))));
        assertNull(decode(LinkType.ETHERNET, ethernet(0x86DD, ipv6("::1", "::2", 59, new byte[0]))));
        assertNull(decode(LinkType.ETHERNET, ethernet(0x0026, new byte[40])));
        assertEquals(4, decoder.statistics().notIp());
    }

    @Test
    void headersCutByTheSnapLengthAreTruncatedOtherwiseMalformed() {
        byte[] bytes = sipOverEthernet("INVITE sip:bob@example.com SIP/2.0");
        CapturedFrame snapped = new CapturedFrame().set("t", LinkType.ETHERNET, 0, bytes, 0, 30, bytes.length);
        assertNull(decoder.decode(snapped));
        CapturedFrame shortFrame = new CapturedFrame().set("t", LinkType.ETHERNET, 0, bytes, 0, 30, 30);
        assertNull(decoder.decode(shortFrame));
        DecoderStatistics statistics = decoder.statistics();
        assertEquals(1, statistics.truncated());
        assertEquals(1, statistics.malformed());
    }

    @Test
    void ipv6ExtensionHeadersAreWalked() {
        byte[] udp = udp(5060, 5070, ascii("ext"));
        byte[] destinationOptions = concat(bytes(UDP, 0), new byte[6]);
        byte[] routing = concat(bytes(60, 0), new byte[6]);
        byte[] hopByHop = concat(bytes(43, 1), new byte[14]);
        byte[] packet = ipv6("2001:db8::1", "2001:db8::2", 0, concat(hopByHop, routing, destinationOptions, udp));
        TransportPacket decoded = decode(LinkType.RAW, packet);
        assertNotNull(decoded);
        assertEquals("ext", text(decoded));
    }

    @Test
    void ipv4FragmentsOutOfOrderOverlappingAndDuplicatedReassemble() {
        byte[] payload = new byte[3000];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 7);
        }
        byte[] datagram = udp(16000, 17000, payload);
        byte[] first = fragment4(datagram, 77, 0, 1480, true);
        byte[] second = fragment4(datagram, 77, 1480, 1480, true);
        byte[] overlap = fragment4(datagram, 77, 1000, 1000, true);
        byte[] last = fragment4(datagram, 77, 2960, datagram.length - 2960, false);
        byte[] conflictingDuplicate = fragment4(new byte[datagram.length], 77, 1480, 1480, true);

        assertNull(decode(LinkType.ETHERNET, second));
        assertNull(decode(LinkType.ETHERNET, overlap));
        assertNull(decode(LinkType.ETHERNET, last));
        assertNull(decode(LinkType.ETHERNET, conflictingDuplicate));
        assertEquals(4, decoder.statistics().fragmentsPending());
        TransportPacket packet = decode(LinkType.ETHERNET, first);

        assertNotNull(packet);
        assertEquals(16000, packet.sourcePort());
        assertEquals("10.0.0.1", packet.sourceAddress().getHostAddress());
        assertArrayEquals(payload, Arrays.copyOfRange(packet.payloadArray(), packet.payloadOffset(),
                packet.payloadOffset() + packet.payloadLength()));
        assertEquals(new DecoderStatistics(5, 1, 0, 0, 0, 0, 0, 4, 0, 1, 0), decoder.statistics());
    }

    @Test
    void aFragmentContradictingTheDatagramLengthDropsTheDatagram() {
        byte[] datagram = udp(16000, 17000, new byte[2000]);
        assertNull(decode(LinkType.ETHERNET, fragment4(datagram, 5, 1000, datagram.length - 1000, false)));
        byte[] beyondTheEnd = fragment4(new byte[4000], 5, 2000, 1000, true);
        assertNull(decode(LinkType.ETHERNET, beyondTheEnd));
        assertNull(decode(LinkType.ETHERNET, fragment4(datagram, 5, 0, 1000, true)));

        DecoderStatistics statistics = decoder.statistics();
        assertEquals(2, statistics.fragmentsDropped());
        assertEquals(1, statistics.fragmentsPending());
        assertEquals(0, statistics.datagramsReassembled());
    }

    @Test
    void nonFinalFragmentsMustBeMultiplesOfEightBytes() {
        byte[] datagram = udp(16000, 17000, new byte[100]);
        assertNull(decode(LinkType.ETHERNET, fragment4(datagram, 9, 0, 50, true)));
        assertEquals(1, decoder.statistics().malformed());
    }

    @Test
    void incompleteDatagramsExpireAfterThirtySecondsOfCaptureTime() {
        byte[] datagram = udp(16000, 17000, new byte[2000]);
        long start = 1_700_000_000_000_000L;
        decoder.decode(frame(LinkType.ETHERNET, fragment4(datagram, 1, 0, 1000, true), start));
        decoder.decode(frame(LinkType.ETHERNET, sipOverEthernet("later"), start + 31_000_000L));
        assertEquals(0, decoder.statistics().fragmentsPending());
        assertEquals(1, decoder.statistics().fragmentsDropped());

        TransportPacket rest = decoder.decode(frame(LinkType.ETHERNET,
                fragment4(datagram, 1, 1000, datagram.length - 1000, false), start + 31_000_001L));
        assertNull(rest);
        assertEquals(1, decoder.statistics().fragmentsPending());

        decoder.decode(frame(LinkType.ETHERNET, fragment4(datagram, 2, 0, 1000, true), start + 40_000_000L));
        assertNotNull(decoder.decode(frame(LinkType.ETHERNET,
                fragment4(datagram, 2, 1000, datagram.length - 1000, false), start + 69_000_000L)));
    }

    @Test
    void theReassemblyTableIsBoundedAndEvictsTheOldest() {
        byte[] datagram = udp(16000, 17000, new byte[2000]);
        int datagrams = PacketDecoder.MAX_PENDING_DATAGRAMS + 44;
        for (int id = 0; id < datagrams; id++) {
            assertNull(decode(LinkType.ETHERNET, fragment4(datagram, id, 0, 1000, true)));
        }
        DecoderStatistics statistics = decoder.statistics();
        assertEquals(PacketDecoder.MAX_PENDING_DATAGRAMS, statistics.fragmentsPending());
        assertEquals(44, statistics.fragmentsDropped());

        byte[] rest = udp(16000, 17000, new byte[2000]);
        assertNull(decode(LinkType.ETHERNET, fragment4(rest, 0, 1000, rest.length - 1000, false)), "evicted");
        assertNotNull(decode(LinkType.ETHERNET, fragment4(rest, datagrams - 1, 1000, rest.length - 1000, false)));
    }

    @Test
    void withoutReassemblyAFirstFragmentIsDecodedAsFarAsItGoes() {
        PacketDecoder plain = new PacketDecoder(false);
        byte[] invite = ascii("INVITE sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1\r\n\r\n");
        byte[] datagram = udp(5060, 5060, invite);
        TransportPacket first = plain.decode(frame(LinkType.ETHERNET, fragment4(datagram, 3, 0, 24, true)));
        assertNotNull(first);
        assertEquals("INVITE sip:bob@e", text(first));

        assertNull(plain.decode(frame(LinkType.ETHERNET, fragment4(datagram, 3, 24, datagram.length - 24, false))));
        DecoderStatistics statistics = plain.statistics();
        assertEquals(1, statistics.udp());
        assertEquals(1, statistics.fragments());
        assertEquals(1, statistics.fragmentsDropped());
        assertEquals(0, statistics.datagramsReassembled());
    }

    @Test
    void ipv6FragmentsReassembleBehindExtensionHeaders() {
        byte[] body = new byte[2500];
        Arrays.fill(body, (byte) 'x');
        byte[] datagram = udp(5060, 5060, concat(ascii("INVITE "), body));
        // A destination options header inside the fragmentable part, ahead of UDP.
        byte[] fragmentable = concat(bytes(UDP, 0), new byte[6], datagram);
        byte[] hopByHop = concat(bytes(44, 0), new byte[6]);
        byte[] first = ipv6("fd00::1", "fd00::2", 0,
                concat(hopByHop, Packets.ipv6Fragment(60, 0xCAFEBABEL, 0, true, Arrays.copyOfRange(fragmentable, 0, 1232))));
        byte[] last = ipv6("fd00::1", "fd00::2", 44,
                Packets.ipv6Fragment(60, 0xCAFEBABEL, 1232, false, Arrays.copyOfRange(fragmentable, 1232, fragmentable.length)));

        assertNull(decode(LinkType.ETHERNET, ethernet(0x86DD, last)));
        TransportPacket packet = decode(LinkType.ETHERNET, ethernet(0x86DD, first));

        assertNotNull(packet);
        assertEquals(6, packet.ipVersion());
        assertEquals("fd00:0:0:0:0:0:0:1", packet.sourceAddress().getHostAddress());
        assertEquals(datagram.length - 8, packet.payloadLength());
        assertEquals("INVITE ", text(packet).substring(0, 7));
        assertEquals(1, decoder.statistics().datagramsReassembled());
    }

    @Test
    void anAtomicIpv6FragmentIsAWholeDatagram() {
        byte[] packet = ipv6("fd00::1", "fd00::2", 44, Packets.ipv6Fragment(UDP, 1, 0, false, udp(5060, 5070, ascii("atomic"))));
        assertEquals("atomic", text(decode(LinkType.RAW, packet)));
        assertEquals(0, decoder.statistics().datagramsReassembled());
    }

    @Test
    void ipv6FragmentsWithSameIdFromDifferentSourcesStayApart() {
        byte[] datagram = udp(5060, 5060, new byte[100]);
        byte[] fromA = ipv6("fd00::a", "fd00::2", 44, Packets.ipv6Fragment(UDP, 9, 0, true, Arrays.copyOfRange(datagram, 0, 56)));
        byte[] fromB = ipv6("fd00::b", "fd00::2", 44,
                Packets.ipv6Fragment(UDP, 9, 56, false, Arrays.copyOfRange(datagram, 56, datagram.length)));
        assertNull(decode(LinkType.RAW, fromA));
        assertNull(decode(LinkType.RAW, fromB));
        assertEquals(2, decoder.statistics().fragmentsPending());
    }

    @Test
    void theReturnedPacketIsReused() {
        TransportPacket first = decode(LinkType.ETHERNET, sipOverEthernet("one"));
        TransportPacket second = decode(LinkType.ETHERNET, sipOverEthernet("two"));
        assertSame(first, second);
        assertEquals("two", text(second));
        assertArrayEquals(address("10.0.0.1"), Arrays.copyOf(second.sourceAddressBytes(), 4));
    }

    /** An Ethernet frame holding one IPv4 fragment of {@code datagram} (a UDP header and payload). */
    private static byte[] fragment4(byte[] datagram, int identification, int offset, int length, boolean more) {
        byte[] data = Arrays.copyOfRange(datagram, offset, offset + length);
        return ethernet(0x0800, Packets.ipv4Fragment("10.0.0.1", "10.0.0.2", UDP, identification, offset, more, data));
    }
}
