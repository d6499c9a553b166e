package org.oreka.audio.skinny.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.oreka.audio.skinny.internal.fake.RecordingSink;
import org.oreka.audio.skinny.internal.fake.SccpWriter;
import org.oreka.audio.skinny.internal.fake.TcpSegment;
import org.oreka.sdk.call.CallEvent.CallEnded;

/**
 * Feeds the decoder random, truncated and corrupted Skinny traffic: it must claim every segment on the Skinny
 * port and never fail inside (its internal failure counter stays at zero, so nothing was swallowed either).
 */
class SkinnyDecoderFuzzTest {

    private static final int[] UNDERSTOOD = {SccpMessageParser.OPEN_RECEIVE_CHANNEL_ACK,
        SccpMessageParser.SOFT_KEY_EVENT, SccpMessageParser.START_MEDIA_TRANSMISSION,
        SccpMessageParser.STOP_MEDIA_TRANSMISSION, SccpMessageParser.CALL_INFO, SccpMessageParser.LINE_STAT,
        SccpMessageParser.OPEN_RECEIVE_CHANNEL, SccpMessageParser.CLOSE_RECEIVE_CHANNEL,
        SccpMessageParser.CALL_STATE, SccpMessageParser.CALL_INFO_V2};

    private final Random random = new Random(20240601);
    private final RecordingSink sink = new RecordingSink();
    private final SkinnyDecoder decoder = PhoneLink.decoder(2000, false, false);

    @Test
    void survivesRandomSegments() {
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[random.nextInt(600)];
            random.nextBytes(bytes);
            boolean toPhone = random.nextBoolean();
            TcpSegment segment = TcpSegment.tcp(i * 1_000L, toPhone ? "10.1.0.1" : "10.2.0." + random.nextInt(4),
                    toPhone ? 2000 : 50000, toPhone ? "10.2.0." + random.nextInt(4) : "10.1.0.1",
                    toPhone ? 50000 : 2000, random.nextInt(4) == 0 ? random.nextLong() & 0xFFFF_FFFFL : i * 300L,
                    bytes).withFlags(random.nextInt(0x20));
            assertTrue(decoder.decode(segment, sink));
        }
        assertEquals(0, decoder.statistics().failures.get());
    }

    @Test
    void survivesUnderstoodMessagesWithRandomBodies() {
        PhoneLink phone = new PhoneLink(decoder, sink, "10.2.0.1", 50000);
        for (int i = 0; i < 50_000; i++) {
            byte[] body = new byte[random.nextInt(200)];
            random.nextBytes(body);
            if (random.nextBoolean()) {
                // Small words make call references, states and address types that actually match.
                for (int word = 0; word + 4 <= body.length; word += 4) {
                    if (random.nextInt(3) == 0) {
                        body[word] = (byte) random.nextInt(12);
                        body[word + 1] = 0;
                        body[word + 2] = 0;
                        body[word + 3] = 0;
                    }
                }
            }
            int id = UNDERSTOOD[random.nextInt(UNDERSTOOD.length)];
            byte[] message = new SccpWriter().bytes(body).message(id, random.nextInt(24));
            assertTrue(random.nextBoolean() ? phone.toPhone(message) : phone.fromPhone(message));
        }
        assertEquals(0, decoder.statistics().failures.get());
    }

    @Test
    void survivesEveryTruncationOfEveryMessage() {
        PhoneLink phone = new PhoneLink(decoder, sink, "10.2.0.1", 50000);
        for (byte[] message : conversation()) {
            for (int length = 12; length <= message.length; length++) {
                byte[] cut = Arrays.copyOf(message, length);
                int declared = length - 8;
                cut[0] = (byte) declared;
                cut[1] = (byte) (declared >>> 8);
                assertTrue(phone.toPhone(cut));
                assertTrue(phone.fromPhone(cut));
            }
        }
        assertEquals(0, decoder.statistics().failures.get());
    }

    @Test
    void survivesCorruptedConversations() {
        for (int round = 0; round < 2_000; round++) {
            PhoneLink phone = new PhoneLink(decoder, sink, "10.3." + (round % 200) + ".1", 50000 + round % 7);
            for (byte[] message : conversation()) {
                byte[] corrupted = message.clone();
                for (int flips = random.nextInt(4); flips > 0; flips--) {
                    corrupted[random.nextInt(corrupted.length)] ^= (byte) (1 << random.nextInt(8));
                }
                assertTrue(random.nextBoolean() ? phone.toPhone(corrupted) : phone.fromPhone(corrupted));
            }
        }
        assertEquals(0, decoder.statistics().failures.get());
    }

    @Test
    void servesSeveralCaptureThreadsAtOnce() throws InterruptedException {
        int threads = 4;
        int phonesPerThread = 200;
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers[t] = new Thread(() -> {
                for (int p = 0; p < phonesPerThread; p++) {
                    PhoneLink phone = new PhoneLink(decoder, sink, "10.4." + thread + "." + p, 50000);
                    conversation().forEach(phone::toPhone);
                }
            });
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        assertEquals(0, decoder.statistics().failures.get());
        assertEquals(threads * phonesPerThread, sink.events(CallEnded.class).size());
    }

    @Test
    void neverThrowsEvenWhenTheSinkDoes() {
        PhoneLink phone = new PhoneLink(decoder, event -> {
            throw new IllegalStateException("tracker bug");
        }, "10.2.0.1", 50000);

        assertTrue(phone.toPhone(SkinnyMessages.callInfo(1, 5, 1, "1", "", "2", "", "")));
        assertEquals(1, decoder.statistics().failures.get());
    }

    private static List<byte[]> conversation() {
        return List.of(SkinnyMessages.lineStat(1, "307", "Ervins Gailiss"),
                SkinnyMessages.callInfo(1, 5, 1, "321", "RIX", "307", "Ervins", "307"),
                SkinnyMessages.callInfoV2(SkinnyMessages.V20, 1, 5, 3, "321", "RIX", "307", "Ervins", "500"),
                SkinnyMessages.callInfoV2WithoutAlternate(11, 1, 5, 2, "321", "RIX", "307", "Ervins"),
                SkinnyMessages.callState(1, 1, 5), SkinnyMessages.openReceiveChannel(5, 0x50, 4, 5),
                SkinnyMessages.openReceiveChannelOld(5, 0x51, 2),
                SkinnyMessages.openReceiveChannelAck("10.2.0.1", 17718, 0x50, 5),
                SkinnyMessages.openReceiveChannelAck("2001:db8::1", 17718, 0x50, 5),
                SkinnyMessages.openReceiveChannelAckOld("10.2.0.1", 17720, 0x51),
                SkinnyMessages.startMediaTransmission(5, 0x50, "10.2.0.2", 32144, 4, 5),
                SkinnyMessages.startMediaTransmission(5, 0x53, "10.9.0.1", 9399, 4, 9),
                SkinnyMessages.startMediaTransmissionOld(5, 0x51, "10.2.0.2", 32146, 11),
                SkinnyMessages.callState(8, 1, 5), SkinnyMessages.callState(5, 1, 5),
                SkinnyMessages.closeReceiveChannel(5, 0x50, 5), SkinnyMessages.stopMediaTransmission(5, 0x50, 5),
                SkinnyMessages.softKeyEvent(9, 1, 5), SkinnyMessages.callState(2, 1, 5), SkinnyMessages.keepAlive());
    }
}
