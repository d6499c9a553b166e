package org.oreka.audio.codec.gsm.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.oreka.sdk.codec.AudioDecoder;
import org.oreka.testing.Pcm;
import org.oreka.testing.RtpPayloads;

/** Decodes the GSM call of ws-sip-rtp-gsm.pcap as ffmpeg does, and damaged payloads to silence of their length. */
class GsmDecoderTest {

    private final GsmCodec codec = new GsmCodec();

    @Test
    void decodesTheCapturedCallExactlyAsFfmpeg() throws Exception {
        List<byte[]> payloads = RtpPayloads.read(RtpPayloads.capture("ws-sip-rtp-gsm.pcap"), 18924, 3);
        assertEquals(425, payloads.size());
        AudioDecoder decoder = codec.newDecoder();
        short[] ours = new short[payloads.size() * 160];
        int count = 0;
        for (byte[] payload : payloads) {
            assertEquals(160, decoder.maxSamples(payload.length));
            count += decoder.decode(payload, 0, payload.length, ours, count);
        }
        assertEquals(425 * 160, count);
        short[] ffmpeg = RtpPayloads.ffmpegDecode(RtpPayloads.concatenate(payloads), "-f", "gsm", "-ar", "8000");
        assertArrayEquals(ffmpeg, ours);
        assertTrue(Pcm.rms(ours) > 300, "the call carries speech, rms " + Pcm.rms(ours));
    }

    @Test
    void decodesSeveralFramesInOnePayloadAtAnOffset() throws Exception {
        List<byte[]> payloads = RtpPayloads.read(RtpPayloads.capture("ws-sip-rtp-gsm.pcap"), 18924, 3);
        byte[] packet = new byte[12 + 66];
        System.arraycopy(payloads.get(100), 0, packet, 12, 33);
        System.arraycopy(payloads.get(101), 0, packet, 45, 33);
        short[] joined = new short[7 + 320];
        assertEquals(320, codec.newDecoder().decode(packet, 12, 66, joined, 7));
        AudioDecoder single = codec.newDecoder();
        short[] separate = new short[320];
        single.decode(payloads.get(100), 0, 33, separate, 0);
        single.decode(payloads.get(101), 0, 33, separate, 160);
        assertArrayEquals(separate, Arrays.copyOfRange(joined, 7, 327));
    }

    @Test
    void damagedPayloadsDecodeToSilenceOfTheirLength() throws Exception {
        byte[] good = RtpPayloads.read(RtpPayloads.capture("ws-sip-rtp-gsm.pcap"), 18924, 3).get(200);
        GsmDecoder decoder = (GsmDecoder) codec.newDecoder();
        short[] pcm = new short[1000];

        Arrays.fill(pcm, (short) 1);
        assertEquals(160, decoder.decode(new byte[10], 0, 10, pcm, 0), "a cut frame is 20 ms");
        assertEquals(-1, Pcm.firstSound(pcm, 0, 160), "silence");

        byte[] garbage = new byte[33];
        new Random(7).nextBytes(garbage);
        garbage[0] = 0x12; // not GSM's 0xD signature
        Arrays.fill(pcm, (short) 1);
        assertEquals(160, decoder.decode(garbage, 0, 33, pcm, 0));
        assertEquals(-1, Pcm.firstSound(pcm, 0, 160), "silence");

        // Noise with GSM's signature is decoded as GSM: whatever it sounds like, it is 20 ms and no crash.
        Random random = new Random(11);
        for (int i = 0; i < 2000; i++) {
            random.nextBytes(garbage);
            garbage[0] = (byte) (0xD0 | (garbage[0] & 0x0F));
            assertEquals(160, decoder.decode(garbage, 0, 33, pcm, 0));
        }

        byte[] goodAndCut = Arrays.copyOf(good, 40);
        Arrays.fill(pcm, (short) 1);
        assertEquals(320, decoder.maxSamples(40));
        assertEquals(320, decoder.decode(goodAndCut, 0, 40, pcm, 0));
        assertTrue(Pcm.rms(Arrays.copyOf(pcm, 160)) > 0, "the whole frame still decodes");
        assertEquals(-1, Pcm.firstSound(pcm, 160, 320), "silence");

        assertEquals(0, decoder.decode(good, 0, 0, pcm, 0));
        assertEquals(0, decoder.decode(good, 0, -5, pcm, 0));
        assertEquals(160, decoder.decode(good, 20, 33, pcm, 0), "a length past the buffer is silence, not a crash");
        assertEquals(-1, Pcm.firstSound(pcm, 0, 160), "silence");

        decoder.close();
        Arrays.fill(pcm, (short) 1);
        assertEquals(160, decoder.decode(good, 0, 33, pcm, 0), "a closed decoder gives silence");
        assertEquals(-1, Pcm.firstSound(pcm, 0, 160), "silence");
    }
}
