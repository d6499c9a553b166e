package org.oreka.audio.codec.opus.internal;

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
 * Decodes the Opus call of ws-sip-rtp-opus.pcap through libopus and checks it is the speech the G.711 capture
 * carries, at 8 kHz; and that hostile payloads give silence.
 */
class OpusDecoderTest {

    private static List<byte[]> payloads() throws IOException {
        return RtpPayloads.read(RtpPayloads.capture("ws-sip-rtp-opus.pcap"), 24196, 99);
    }

    @Test
    void libraryIsInstalled() {
        assertNull(LibOpus.unavailable(), "libopus0 is a prerequisite (scripts/prerequisites.sh)");
    }

    @Test
    void theCaptureDecodesToTheSpeechOfTheG711Capture() throws IOException {
        List<byte[]> payloads = payloads();
        assertEquals(425, payloads.size());
        short[] pcm;
        try (OpusDecoder decoder = new OpusDecoder()) {
            pcm = SpeechComparison.decode(decoder, payloads);
        }
        assertEquals(425 * 160, pcm.length, "20 ms at 8 kHz per packet");
        short[] reference = SpeechComparison.referenceSpeech();
        // Opus keeps the sound, not the waveform: the loudness of each 10 ms follows the G.711 capture's.
        double correlation = SpeechComparison.envelopeCorrelation(pcm, reference, 80, 20);
        assertTrue(correlation > 0.95, "loudness correlation with the G.711 capture's speech " + correlation);
        short[] otherSpeech = Arrays.copyOfRange(reference, 8000, reference.length);
        double unrelated = SpeechComparison.envelopeCorrelation(pcm, otherSpeech, 80, 20);
        assertTrue(unrelated < 0.5, "the same speech one second later is not a match: " + unrelated);
        double ratio = Pcm.rms(pcm) / Pcm.rms(reference);
        assertTrue(ratio > 0.7 && ratio < 1.4, "loudness against the G.711 capture's " + ratio);
    }

    @Test
    void aPacketLibopusRefusesGivesSilenceOfItsNominalLength() throws IOException {
        byte[] speech = payloads().get(200);
        try (OpusDecoder decoder = new OpusDecoder()) {
            short[] pcm = new short[decoder.maxSamples(speech.length) + 5];
            Arrays.fill(pcm, (short) 999);
            // Code 3 (a count of frames follows) with no count byte: a malformed packet.
            byte[] malformed = {(byte) (speech[0] | 0x03)};
            assertEquals(160, decoder.decode(malformed, 0, 1, pcm, 5));
            assertEquals(999, pcm[4]);
            for (int i = 5; i < 165; i++) {
                assertEquals(0, pcm[i]);
            }
            assertEquals(0, decoder.decode(speech, 0, 0, pcm, 0));
            byte[] huge = new byte[OpusDecoder.MAX_PACKET_BYTES + 1];
            assertEquals(160, decoder.decode(huge, 0, huge.length, pcm, 0));
            assertEquals(160, decoder.decode(speech, 0, speech.length, pcm, 0));
        }
    }

    @Test
    void randomBytesNeverFailTheDecoder() {
        Random random = new Random(42);
        try (OpusDecoder decoder = new OpusDecoder()) {
            for (int i = 0; i < 20_000; i++) {
                byte[] payload = new byte[random.nextInt(1, 400)];
                random.nextBytes(payload);
                short[] pcm = new short[decoder.maxSamples(payload.length)];
                int samples = decoder.decode(payload, 0, payload.length, pcm, 0);
                assertTrue(samples > 0 && samples <= OpusDecoder.MAX_SAMPLES, "samples " + samples);
            }
        }
    }

    @Test
    void aClosedDecoderGivesSilence() throws IOException {
        byte[] speech = payloads().get(200);
        OpusDecoder decoder = new OpusDecoder();
        decoder.close();
        short[] pcm = new short[decoder.maxSamples(speech.length)];
        assertEquals(160, decoder.decode(speech, 0, speech.length, pcm, 0));
        for (short s : pcm) {
            assertEquals(0, s);
        }
    }
}
