package org.oreka.audio.sip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oreka.audio.sip.internal.SipSamples.lines;
import static org.oreka.audio.sip.internal.SipSamples.message;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.oreka.audio.sip.internal.fake.FakeConfig;
import org.oreka.audio.sip.internal.fake.FakeDatagram;
import org.oreka.audio.sip.internal.fake.RecordingSink;
import org.oreka.sdk.net.Datagram;

/**
 * Feeds the decoder random and mutated messages over UDP and TCP: it must never throw, and no message may make
 * it fail internally (the decoder counts such failures, so a zero count shows every path handled the input).
 */
class SipDecoderFuzzTest {

    private static final byte[] INTERESTING = "\r\n :;,<>\"\\@[]=%/?0123456789-*#\t\u0000".getBytes(StandardCharsets.ISO_8859_1);

    private static final List<String> CORPUS = List.of(
            SipSamples.invite("fuzz-1@h", SipSamples.sdp("10.0.0.1", 20000, "a=sendonly", "a=label:1")),
            SipSamples.response("200 OK", "fuzz-1@h", "1 INVITE", SipSamples.lines("v=0", "c=IN IP6 2001:db8::1",
                    "m=audio 30000 RTP/AVP 0 96", "a=rtpmap:96 opus/48000/2", "m=video 0 RTP/AVP 97")),
            SipSamples.request("INFO", "fuzz-1@h", "Content-Type: application/dtmf-relay\r\n", "Signal=5\r\nDuration=160\r\n"),
            SipSamples.request("REFER", "fuzz-1@h", "r: <sip:carol@x?Replaces=a%3Bb>\r\nb: \"A\" <sip:a@x>\r\n", ""),
            SipSamples.response("486 Busy Here", "fuzz-1@h", "1 INVITE", ""),
            "INVITE sip:1@h SIP/2.0\ni: c\nf: \\\"x\\\" <tel:+1;a=b>\nt: <sip:[::1]:5060>\nl: 3\n folded\n\nv=0",
            message("INVITE sip:srs@x SIP/2.0", lines("Call-ID: rec@h", "CSeq: 1 INVITE",
                    "Content-Type: multipart/mixed;boundary=b"), "--b\r\nContent-Type: application/sdp\r\n\r\n"
                    + SipSamples.sdp("192.0.2.10", 40000, "a=label:1") + "\r\n--b\r\n"
                    + "Content-Type: application/rs-metadata+xml\r\n\r\n" + SiprecMetadataTest.RFC7865 + "\r\n--b--\r\n"));

    private final SipDecoder decoder = new SipDecoder();
    private final RecordingSink sink = new RecordingSink();
    private long clock = 1_700_000_000_000_000L;
    private int decoded;

    @Test
    void mutatedMessagesOverUdpNeverBreakTheDecoder() {
        decoder.activate(FakeConfig.defaults().extractFields("Subject, X-Missing"));
        Random random = new Random(20_260_101L);
        for (int i = 0; i < 40_000; i++) {
            byte[] payload = mutate(random, CORPUS.get(random.nextInt(CORPUS.size())).getBytes(StandardCharsets.UTF_8));
            udp(payload);
        }
        assertNoInternalErrors();
    }

    @Test
    void randomBytesNeverBreakTheDecoder() {
        decoder.activate(FakeConfig.defaults().fullAddress(true));
        Random random = new Random(42L);
        byte[] startLine = "INVITE sip:x@y SIP/2.0\r\n".getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 20_000; i++) {
            byte[] noise = new byte[random.nextInt(600)];
            random.nextBytes(noise);
            udp(noise);
            byte[] prefixed = Arrays.copyOf(startLine, startLine.length + noise.length);
            System.arraycopy(noise, 0, prefixed, startLine.length, noise.length);
            udp(prefixed);
        }
        assertNoInternalErrors();
    }

    @Test
    void mutatedTcpStreamsNeverBreakTheDecoder() {
        decoder.activate(FakeConfig.defaults());
        Random random = new Random(7L);
        for (int connection = 0; connection < 2_000; connection++) {
            StringBuilder stream = new StringBuilder();
            for (int n = 1 + random.nextInt(4); n > 0; n--) {
                stream.append(CORPUS.get(random.nextInt(CORPUS.size())));
            }
            byte[] bytes = random.nextInt(3) == 0 ? mutate(random, stream.toString().getBytes(StandardCharsets.UTF_8))
                    : stream.toString().getBytes(StandardCharsets.UTF_8);
            String source = "10.9." + (connection >> 8 & 0xFF) + "." + (connection & 0xFF) + ":" + (1024 + connection);
            long sequence = random.nextInt() & 0xFFFF_FFFFL;
            int offset = 0;
            while (offset < bytes.length) {
                int size = 1 + random.nextInt(random.nextBoolean() ? 40 : 1500);
                int end = Math.min(bytes.length, offset + size);
                int flags = random.nextInt(50) == 0 ? Datagram.TCP_RST : random.nextInt(50) == 0 ? Datagram.TCP_FIN : 0;
                long segmentSequence = random.nextInt(20) == 0 ? random.nextInt() & 0xFFFF_FFFFL
                        : (sequence + offset) & 0xFFFF_FFFFL;
                clock += random.nextInt(3_000_000);
                decoder.decode(FakeDatagram.tcp(clock, source, SipSamples.BOB, segmentSequence, flags,
                        Arrays.copyOfRange(bytes, offset, end)), sink);
                decoded++;
                sink.clear();
                if (random.nextInt(10) != 0) {
                    offset = end;
                }
            }
        }
        assertNoInternalErrors();
        assertTrue(decoder.statistics().get("tcpStreams") <= SipTcpReassembler.MAX_STREAMS);
        assertTrue(decoder.statistics().get("tcpBufferedBytes") <= SipTcpReassembler.MAX_BUFFERED_BYTES);
    }

    private void udp(byte[] payload) {
        clock += 20_000;
        decoder.decode(FakeDatagram.udp(clock, SipSamples.ALICE, SipSamples.BOB, payload), sink);
        decoded++;
        sink.clear();
    }

    private void assertNoInternalErrors() {
        assertEquals(0L, decoder.statistics().get("internalErrors"),
                () -> "internal errors after " + decoded + " datagrams: " + decoder.statistics());
        assertTrue(decoder.statistics().get("messages") > decoded / 20,
                () -> "too few datagrams got as far as the message parser: " + decoder.statistics());
    }

    /** One to four random edits: flipped bits, special characters, deletions, duplications, truncation. */
    private static byte[] mutate(Random random, byte[] original) {
        byte[] bytes = original;
        for (int edits = 1 + random.nextInt(4); edits > 0 && bytes.length > 0; edits--) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(6)) {
                case 0:
                    bytes[at] ^= (byte) (1 << random.nextInt(8));
                    break;
                case 1:
                    bytes[at] = INTERESTING[random.nextInt(INTERESTING.length)];
                    break;
                case 2:
                    bytes = splice(bytes, at, Math.min(bytes.length, at + 1 + random.nextInt(20)), new byte[0]);
                    break;
                case 3:
                    int end = Math.min(bytes.length, at + 1 + random.nextInt(60));
                    bytes = splice(bytes, at, at, Arrays.copyOfRange(bytes, at, end));
                    break;
                case 4:
                    bytes = Arrays.copyOf(bytes, at);
                    break;
                default:
                    byte[] noise = new byte[1 + random.nextInt(8)];
                    random.nextBytes(noise);
                    bytes = splice(bytes, at, at, noise);
                    break;
            }
        }
        return bytes;
    }

    private static byte[] splice(byte[] bytes, int from, int to, byte[] insert) {
        byte[] result = new byte[bytes.length - (to - from) + insert.length];
        System.arraycopy(bytes, 0, result, 0, from);
        System.arraycopy(insert, 0, result, from, insert.length);
        System.arraycopy(bytes, to, result, from + insert.length, bytes.length - to);
        return result;
    }
}
