package org.oreka.audio.codec.g729.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.oreka.testing.RtpPayloads;
import org.oreka.testing.Pcm;
import org.oreka.testing.SpeechComparison;

/**
 * Decodes the G.729A call of ws-sip-rtp-g729a.pcap through libbcg729 and checks it is the speech the G.711
 * capture carries and what ffmpeg decodes from the same frames; and that hostile payloads give silence.
 */
class G729DecoderTest {

    private static List<byte[]> payloads() throws IOException {
        return RtpPayloads.read(RtpPayloads.capture("ws-sip-rtp-g729a.pcap"), 28120, 18);
    }

    private static short[] decode(List<byte[]> payloads) {
        try (G729Decoder decoder = new G729Decoder()) {
            return SpeechComparison.decode(decoder, payloads);
        }
    }

    @Test
    void libraryIsInstalled() {
        assertNull(Bcg729.unavailable(), "libbcg729-0 is a prerequisite (scripts/prerequisites.sh)");
    }

    @Test
    void theCaptureDecodesToTheSpeechOfTheG711Capture() throws IOException {
        List<byte[]> payloads = payloads();
        assertEquals(425, payloads.size());
        short[] pcm = decode(payloads);
        assertEquals(425 * 160, pcm.length, "20 ms of 8 kHz audio per two-frame payload");
        short[] reference = SpeechComparison.referenceSpeech();
        double correlation = SpeechComparison.bestCorrelation(pcm, reference, 400);
        assertTrue(correlation > 0.75, "correlation with the G.711 capture's speech " + correlation);
        double ratio = Pcm.rms(pcm) / Pcm.rms(reference);
        assertTrue(ratio > 0.7 && ratio < 1.4, "loudness against the G.711 capture's " + ratio);
    }

    @Test
    void theCaptureDecodesAsFfmpegDecodesIt() throws Exception {
        List<byte[]> payloads = payloads();
        short[] ffmpeg = RtpPayloads.ffmpegDecode(RtpPayloads.concatenate(payloads), "-f", "g729");
        short[] pcm = decode(payloads);
        double correlation = SpeechComparison.bestCorrelation(pcm, ffmpeg, 80);
        assertTrue(correlation > 0.95, "correlation with ffmpeg's G.729 decoding " + correlation);
    }

    @Test
    void anAnnexBSidFrameGivesComfortNoiseOfOneFrame() throws IOException {
        try (G729Decoder decoder = new G729Decoder()) {
            short[] pcm = new short[decoder.maxSamples(22)];
            byte[] speech = payloads().get(100);
            byte[] withSid = Arrays.copyOf(speech, 22);
            withSid[20] = 0x2A;
            withSid[21] = (byte) 0x80;
            assertEquals(240, decoder.decode(withSid, 0, withSid.length, pcm, 0));
            assertEquals(80, decoder.decode(withSid, 20, 2, pcm, 0));
        }
    }

    @Test
    void payloadsOfOtherSizesGiveSilenceAsLongAsTheirFrames() {
        try (G729Decoder decoder = new G729Decoder()) {
            short[] pcm = new short[decoder.maxSamples(25)];
            Arrays.fill(pcm, (short) 1234);
            byte[] garbage = new byte[25];
            new Random(7).nextBytes(garbage);
            assertEquals(240, decoder.decode(garbage, 0, 25, pcm, 0));
            assertTrue(allZero(pcm, 0, 240));
            assertEquals(80, decoder.decode(garbage, 3, 7, pcm, 0));
            assertEquals(0, decoder.decode(garbage, 0, 0, pcm, 0));
        }
    }

    @Test
    void randomBytesNeverFailTheDecoder() {
        Random random = new Random(42);
        try (G729Decoder decoder = new G729Decoder()) {
            for (int i = 0; i < 20_000; i++) {
                byte[] payload = new byte[random.nextInt(3) == 0 ? random.nextInt(200) : 10 * random.nextInt(1, 7)
                        + (random.nextBoolean() ? 2 : 0)];
                random.nextBytes(payload);
                short[] pcm = new short[decoder.maxSamples(payload.length)];
                int samples = decoder.decode(payload, 0, payload.length, pcm, 0);
                assertEquals((payload.length + 9) / 10 * 80, samples);
            }
        }
    }

    @Test
    void aClosedDecoderGivesSilence() throws IOException {
        G729Decoder decoder = new G729Decoder();
        decoder.close();
        decoder.close();
        byte[] speech = payloads().get(100);
        short[] pcm = new short[decoder.maxSamples(speech.length)];
        assertEquals(160, decoder.decode(speech, 0, speech.length, pcm, 0));
        assertTrue(allZero(pcm, 0, 160));
    }

    private static boolean allZero(short[] pcm, int from, int to) {
        for (int i = from; i < to; i++) {
            if (pcm[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
