package org.oreka.audio.sip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oreka.audio.sip.internal.SipSamples.ALICE;
import static org.oreka.audio.sip.internal.SipSamples.BOB;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oreka.audio.sip.internal.fake.FakeDatagram;
import org.oreka.sdk.net.Datagram;

/** SIP over TCP: framing, retransmissions, gaps, connection ends and memory bounds. */
class SipTcpReassemblerTest {

    private final SipStatistics statistics = new SipStatistics();
    private final SipTcpReassembler reassembler = new SipTcpReassembler(statistics);
    private final List<String> messages = new ArrayList<>();
    private long clock = 1_000_000_000L;

    private static String inviteWithBody(String callId, int bodyLength) {
        char[] filler = new char[bodyLength];
        Arrays.fill(filler, 'X');
        return SipSamples.message("INVITE sip:bob@example.com SIP/2.0", SipSamples.dialogHeaders(callId, "1 INVITE"),
                new String(filler));
    }

    private boolean segment(String from, String to, long sequence, int flags, byte[] payload) {
        return reassembler.accept(FakeDatagram.tcp(clock, from, to, sequence, flags, payload),
                (bytes, start, end) -> messages.add(new String(bytes, start, end - start, StandardCharsets.ISO_8859_1)));
    }

    private boolean segment(long sequence, String payload) {
        return segment(ALICE, BOB, sequence, 0, payload.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends {@code text} in segments of {@code size} bytes from sequence number {@code first}. */
    private void send(String text, long first, int size) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        for (int offset = 0; offset < bytes.length; offset += size) {
            segment(ALICE, BOB, (first + offset) & 0xFFFF_FFFFL, 0,
                    Arrays.copyOfRange(bytes, offset, Math.min(bytes.length, offset + size)));
        }
    }

    @Test
    void aMessageSplitOverSegmentsComesOutWhole() {
        String invite = inviteWithBody("split@h", 65_536);
        send(invite, 5000, 16_332);
        assertEquals(List.of(invite), messages);
        assertEquals(0, reassembler.bufferedBytes(), "a finished message leaves no large buffer behind");
    }

    @Test
    void severalMessagesInOneSegmentAreSeparated() {
        String first = SipSamples.invite("a@h", SipSamples.sdp("10.0.0.1", 4000));
        String second = SipSamples.request("BYE", "a@h", "", "");
        String third = SipSamples.response("200 OK", "a@h", "2 BYE", "");
        assertTrue(segment(1, first + "\r\n\r\n" + second + third.substring(0, 40)));
        assertTrue(segment(1 + first.length() + 4 + second.length() + 40, third.substring(40)));
        assertEquals(List.of(first, second, third), messages);
    }

    @Test
    void byteByByteDeliveryStillFrames() {
        String invite = inviteWithBody("bytes@h", 300);
        String both = invite + invite;
        segment(77, both.substring(0, 40));
        send(both.substring(40), 77 + 40, 1);
        assertEquals(List.of(invite, invite), messages);
    }

    @Test
    void aNewStreamIsClaimedOnlyByACompleteStartLine() {
        assertFalse(segment(1, "INVITE sip:bob@exa"), "the first data segment of a SIP stream holds its start line");
        assertEquals(0, reassembler.streamCount());
    }

    @Test
    void sequenceNumbersWrapAround() {
        String invite = inviteWithBody("wrap@h", 1000);
        send(invite, 0xFFFF_FF00L, 500);
        assertEquals(List.of(invite), messages);
    }

    @Test
    void exactAndOverlappingRetransmissionsAreDropped() {
        String invite = inviteWithBody("rtx@h", 200);
        String head = invite.substring(0, 100);
        segment(1000, head);
        segment(1000, head);
        segment(1050, invite.substring(50));
        segment(1000, invite);
        assertEquals(List.of(invite), messages);
        assertEquals(2L, statistics.tcpRetransmissions.sum());
    }

    @Test
    void aGapDropsThePartialMessageAndTheStreamResynchronises() {
        String first = inviteWithBody("gap@h", 500);
        String second = SipSamples.request("BYE", "gap@h", "", "");
        segment(1, first.substring(0, 200));
        segment(1 + 300, first.substring(300) + "\r\n");
        segment(1 + first.length() + 2, second);
        assertEquals(List.of(second), messages);
        assertEquals(1L, statistics.tcpGaps.sum());
    }

    @Test
    void aWrongContentLengthIsSkippedLineByLine() {
        String broken = "INVITE sip:b@h SIP/2.0\r\nCall-ID: x\r\nContent-Length: nonsense\r\n\r\nv=0\r\nm=audio 1 RTP/AVP 0\r\n";
        String next = SipSamples.request("BYE", "x", "", "");
        segment(1, broken + next);
        assertEquals(2, messages.size());
        assertTrue(messages.get(0).endsWith("\r\n\r\n"), "the message ends at its headers");
        assertEquals(next, messages.get(1));
        assertEquals(2L, statistics.tcpJunkLines.sum());
    }

    @Test
    void aStreamMustStartWithSipToBeClaimed() {
        assertFalse(segment(1, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
        assertFalse(segment(ALICE, "10.0.0.9:443", 1, 0, new byte[] {0x16, 0x03, 0x01, 0, 5}));
        assertFalse(segment(ALICE, "10.0.0.9:80", 1, Datagram.TCP_SYN, new byte[0]));
        assertEquals(0, reassembler.streamCount());
        assertTrue(segment(100, SipSamples.request("OPTIONS", "o@h", "", "")));
        assertTrue(segment(ALICE, BOB, 100 + 10_000, 0, new byte[0]), "a known stream's pure ACK is SIP");
    }

    @Test
    void finAndRstForgetTheStream() {
        String invite = inviteWithBody("fin@h", 400);
        segment(1, invite.substring(0, 100));
        assertTrue(segment(ALICE, BOB, 101, Datagram.TCP_FIN, new byte[0]));
        assertEquals(0, reassembler.streamCount());
        segment(1, invite.substring(0, 100));
        segment(BOB, ALICE, 9, 0, SipSamples.request("OPTIONS", "o@h", "", "").getBytes(StandardCharsets.UTF_8));
        assertEquals(2, reassembler.streamCount());
        assertTrue(segment(BOB, ALICE, 9999, Datagram.TCP_RST, new byte[0]));
        assertEquals(0, reassembler.streamCount(), "a reset ends both directions");
        assertEquals(0, reassembler.bufferedBytes());
        assertEquals(List.of(SipSamples.request("OPTIONS", "o@h", "", "")), messages);
    }

    @Test
    void aSynStartsTheStreamAfresh() {
        String invite = inviteWithBody("syn@h", 400);
        segment(1, invite.substring(0, 100));
        segment(ALICE, BOB, 5000, Datagram.TCP_SYN, new byte[0]);
        segment(5001, invite);
        assertEquals(List.of(invite), messages);
    }

    @Test
    void idleStreamsExpireAfterSixtySecondsOfCaptureTime() {
        segment(1, inviteWithBody("idle@h", 400).substring(0, 100));
        clock += 59_000_000L;
        segment(BOB, ALICE, 1, 0, SipSamples.request("OPTIONS", "o@h", "", "").getBytes(StandardCharsets.UTF_8));
        assertEquals(2, reassembler.streamCount());
        clock += 2_000_000L;
        segment(BOB, ALICE, 5000, 0, new byte[0]);
        assertEquals(1, reassembler.streamCount());
        assertEquals(1L, statistics.tcpExpiredStreams.sum());
    }

    @Test
    void oversizedMessagesAreSkippedAndTheStreamRecovers() {
        String huge = inviteWithBody("huge@h", SipTcpReassembler.MAX_MESSAGE_BYTES + 1);
        String next = SipSamples.request("BYE", "huge@h", "", "");
        send(huge + next, 1, 1460);
        assertEquals(List.of(next), messages);
        assertEquals(1L, statistics.tcpOversized.sum());
        assertTrue(reassembler.bufferedBytes() <= SipTcpReassembler.MAX_MESSAGE_BYTES);
    }

    @Test
    void endlessHeadersAreDroppedAtTheBound() {
        StringBuilder headers = new StringBuilder("INVITE sip:b@h SIP/2.0\r\n");
        while (headers.length() < SipTcpReassembler.MAX_MESSAGE_BYTES + 10_000) {
            headers.append("X-Filler: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n");
        }
        send(headers.toString(), 1, 1460);
        assertTrue(statistics.tcpOversized.sum() >= 1);
        assertTrue(reassembler.bufferedBytes() <= 2L * SipTcpReassembler.MAX_MESSAGE_BYTES);
        assertEquals(List.of(), messages);
    }

    @Test
    void manyConnectionsStayWithinTheStreamBound() {
        byte[] partial = inviteWithBody("many@h", 100).substring(0, 60).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < SipTcpReassembler.MAX_STREAMS + 100; i++) {
            segment("10.1." + (i >> 8) + "." + (i & 0xFF) + ":5060", BOB, 1, 0, partial);
        }
        assertEquals(SipTcpReassembler.MAX_STREAMS, reassembler.streamCount());
        assertEquals(100L, statistics.tcpStreamLimit.sum());
        assertEquals((long) SipTcpReassembler.MAX_STREAMS * partial.length, reassembler.bufferedBytes(),
                "each kept stream holds its partial message, the refused ones nothing");
    }
}
