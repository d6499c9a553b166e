package org.oreka.audio.skinny.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oreka.audio.skinny.internal.fake.SccpWriter;
import org.oreka.audio.skinny.internal.fake.TcpSegment;
import org.oreka.sdk.net.Datagram;
import org.oreka.sdk.net.Transport;

/** Cuts SCCP frames out of split, coalesced, retransmitted, lost and garbled TCP segments. */
class SccpStreamReassemblerTest {

    private static final long START = 1_700_000_000_000_000L;

    private final SccpStreamReassembler reassembler = new SccpStreamReassembler();

    @Test
    void cutsSeveralMessagesOutOfOneSegment() {
        byte[] both = SccpWriter.join(SkinnyMessages.callState(1, 1, 5), SkinnyMessages.keepAlive(),
                SkinnyMessages.callState(5, 1, 5));

        List<SccpFrame> frames = reassembler.accept(segment(0, 100, both));

        assertEquals(List.of(SccpMessageParser.CALL_STATE, 0x0000, SccpMessageParser.CALL_STATE), ids(frames));
        assertEquals(24, frames.get(0).body().length);
        assertEquals(SkinnyMessages.V20, frames.get(0).headerVersion());
    }

    @Test
    void joinsAMessageSplitOverSegments() {
        byte[] message = SkinnyMessages.startMediaTransmission(7, 8, "10.0.0.1", 20000, 4, 7);

        assertTrue(reassembler.accept(segment(0, 100, Arrays.copyOfRange(message, 0, 5))).isEmpty());
        assertTrue(reassembler.accept(segment(1, 105, Arrays.copyOfRange(message, 5, 60))).isEmpty());
        List<SccpFrame> frames = reassembler.accept(segment(2, 160, Arrays.copyOfRange(message, 60, message.length)));

        assertEquals(1, frames.size());
        assertArrayEquals(Arrays.copyOfRange(message, 12, message.length), frames.get(0).body());
    }

    @Test
    void dropsExactAndPartialRetransmissions() {
        byte[] first = SkinnyMessages.callState(1, 1, 5);
        byte[] second = SkinnyMessages.callState(5, 1, 5);
        byte[] both = SccpWriter.join(first, second);

        assertEquals(1, reassembler.accept(segment(0, 100, first)).size());
        assertTrue(reassembler.accept(segment(1, 100, first)).isEmpty(), "exact retransmission");
        // A retransmission that carries the old bytes again plus new ones yields only the new message.
        List<SccpFrame> frames = reassembler.accept(segment(2, 100, both));
        assertEquals(1, frames.size());
        assertEquals(5, new SccpBody(frames.get(0).body()).wordAt(0));
        assertTrue(reassembler.accept(segment(3, 100, both)).isEmpty());
    }

    @Test
    void followsSequenceNumbersAcrossTheirWrap() {
        byte[] message = SkinnyMessages.callState(1, 1, 5);
        long nearEnd = 0xFFFF_FFFFL - 10;

        assertTrue(reassembler.accept(segment(0, nearEnd, Arrays.copyOfRange(message, 0, 20))).isEmpty());
        assertEquals(1, reassembler.accept(segment(1, 9, Arrays.copyOfRange(message, 20, message.length))).size());
    }

    @Test
    void startsOverAfterALostSegment() {
        byte[] message = SkinnyMessages.callState(1, 1, 5);
        reassembler.accept(segment(0, 100, Arrays.copyOfRange(message, 0, 10)));

        // The rest of that message was lost; the next segment starts a new message further on.
        List<SccpFrame> frames = reassembler.accept(segment(1, 500, SkinnyMessages.callState(2, 1, 5)));

        assertEquals(1, frames.size());
        assertEquals(2, new SccpBody(frames.get(0).body()).wordAt(0));
        assertEquals(1, reassembler.resynchronisations());
        assertEquals(10, reassembler.discardedBytes());
    }

    @Test
    void dropsGarbageAndRecoversAtTheNextSegment() {
        byte[] garbage = new byte[40];
        Arrays.fill(garbage, (byte) 0x7F);

        assertTrue(reassembler.accept(segment(0, 100, garbage)).isEmpty());
        assertEquals(40, reassembler.discardedBytes());
        assertEquals(1, reassembler.accept(segment(1, 140, SkinnyMessages.callState(1, 1, 5))).size());
    }

    @Test
    void refusesAbsurdLengthsAndVersions() {
        byte[] huge = new SccpWriter().word(SccpStreamReassembler.MAX_MESSAGE_LENGTH + 1L).word(0).word(0x8F).body();
        byte[] badVersion = new SccpWriter().word(8).word(0x1234).word(0x8F).word(0).body();
        byte[] tooShort = new SccpWriter().word(3).word(0).word(0x8F).body();

        assertTrue(reassembler.accept(segment(0, 100, huge)).isEmpty());
        assertTrue(reassembler.accept(segment(1, 112, badVersion)).isEmpty());
        assertTrue(reassembler.accept(segment(2, 128, tooShort)).isEmpty());
        assertEquals(3, reassembler.resynchronisations());
    }

    @Test
    void emptiesTheBufferRatherThanLetItGrowPastItsBound() {
        byte[] start = new SccpWriter().word(SccpStreamReassembler.MAX_MESSAGE_LENGTH).word(0).word(0x8F).body();
        reassembler.accept(segment(0, 0, start));
        byte[][] keepAlives = new byte[SccpStreamReassembler.MAX_BUFFERED / 12 + 1][];
        Arrays.fill(keepAlives, SkinnyMessages.keepAlive());

        List<SccpFrame> frames = reassembler.accept(segment(1, start.length, SccpWriter.join(keepAlives)));

        assertEquals(keepAlives.length, frames.size());
        assertEquals(start.length, reassembler.discardedBytes());
    }

    @Test
    void forgetsAConnectionOnFinAndRst() {
        byte[] message = SkinnyMessages.callState(1, 1, 5);
        reassembler.accept(segment(0, 100, Arrays.copyOfRange(message, 0, 10)));
        reassembler.accept(segment(1, 110, new byte[0]).withFlags(Datagram.TCP_FIN | Datagram.TCP_ACK));
        assertEquals(0, reassembler.streamCount());

        reassembler.accept(segment(2, 100, Arrays.copyOfRange(message, 0, 10)));
        TcpSegment reverse = TcpSegment.tcp(START + 3, "192.168.195.50", 51532, "192.168.193.12", 2000, 7,
                new byte[0]).withFlags(Datagram.TCP_RST);
        reassembler.accept(reverse);
        assertEquals(0, reassembler.streamCount());
    }

    @Test
    void handsOverTheMessagesOfAFinSegmentBeforeForgetting() {
        TcpSegment last = segment(0, 100, SkinnyMessages.callState(2, 1, 5))
                .withFlags(Datagram.TCP_FIN | Datagram.TCP_PSH | Datagram.TCP_ACK);

        assertEquals(1, reassembler.accept(last).size());
        assertEquals(0, reassembler.streamCount());
    }

    @Test
    void takesSequenceNumbersFromTheSyn() {
        reassembler.accept(segment(0, 999, new byte[0]).withFlags(Datagram.TCP_SYN));
        byte[] message = SkinnyMessages.callState(1, 1, 5);

        assertTrue(reassembler.accept(segment(1, 900, message)).isEmpty(), "before the SYN's sequence");
        assertEquals(1, reassembler.accept(segment(2, 1000, message)).size());
    }

    @Test
    void forgetsConnectionsIdleForAMinute() {
        reassembler.accept(segment(0, 100, Arrays.copyOfRange(SkinnyMessages.callState(1, 1, 5), 0, 10)));
        assertEquals(1, reassembler.streamCount());

        TcpSegment later = TcpSegment.tcp(START + SccpStreamReassembler.IDLE_TIMEOUT_MICROS + 20_000_000L,
                "192.168.195.58", 49399, "192.168.193.12", 2000, 1, new byte[0]);
        reassembler.accept(later);

        assertEquals(0, reassembler.streamCount());
    }

    @Test
    void keepsTheDirectionsAndCaptureSourcesApart() {
        byte[] message = SkinnyMessages.callState(1, 1, 5);
        reassembler.accept(segment(0, 100, Arrays.copyOfRange(message, 0, 10)));
        TcpSegment otherSource = new TcpSegment(Transport.TCP, START + 1,
                TcpSegment.address("192.168.193.12"), 2000, TcpSegment.address("192.168.195.50"), 51532,
                Arrays.copyOfRange(message, 10, message.length), "eth1", 110, Datagram.TCP_ACK);

        assertTrue(reassembler.accept(otherSource).isEmpty());
        assertEquals(1, reassembler.accept(segment(2, 110, Arrays.copyOfRange(message, 10, message.length))).size());
    }

    private static TcpSegment segment(int index, long sequence, byte[] bytes) {
        return TcpSegment.tcp(START + index * 1_000L, "192.168.193.12", 2000, "192.168.195.50", 51532, sequence,
                bytes);
    }

    private static List<Integer> ids(List<SccpFrame> frames) {
        List<Integer> ids = new ArrayList<>();
        frames.forEach(frame -> ids.add(frame.messageId()));
        return ids;
    }
}
