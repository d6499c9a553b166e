package org.oreka.audio.codec.ilbc.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.oreka.testing.RtpPayloads;
import org.oreka.testing.Pcm;
import org.oreka.testing.SpeechComparison;

/**
 * Decodes the iLBC call of ws-sip-rtp-ilbc.pcap (30 ms frames) and checks it is what the ffmpeg command decodes from
 * the same frames and the speech the G.711 capture carries; and that hostile payloads give silence.
 */
class IlbcDecoderTest {

    private static List<byte[]> payloads() throws IOException {
        return RtpPayloads.read(RtpPayloads.capture("ws-sip-rtp-ilbc.pcap"), 25256, 99);
    }

    private static short[] decode(List<byte[]> payloads) {
        try (IlbcDecoder decoder = new IlbcDecoder()) {
            return SpeechComparison.decode(decoder, payloads);
        }
    }

    @Test
    void libraryIsInstalled() {
        assertNull(Ffmpeg.unavailable(), "libavcodec59 is a prerequisite (scripts/prerequisites.sh)");
    }

    @Test
    void theCaptureDecodesAsFfmpegDecodesItAndToTheSpeechOfTheG711Capture() throws Exception {
        List<byte[]> payloads = payloads();
        assertEquals(284, payloads.size());
        short[] pcm = decode(payloads);
        assertEquals(284 * 240, pcm.length, "30 ms at 8 kHz per packet");
        // RFC 3951's file format: a header naming the mode, then the frames.
        byte[] header = "#!iLBC30\n".getBytes(StandardCharsets.US_ASCII);
        byte[] frames = RtpPayloads.concatenate(payloads);
        byte[] file = Arrays.copyOf(header, header.length + frames.length);
        System.arraycopy(frames, 0, file, header.length, frames.length);
        assertArrayEquals(RtpPayloads.ffmpegDecode(file, "-f", "ilbc"), pcm);
        short[] reference = SpeechComparison.referenceSpeech();
        double correlation = SpeechComparison.bestCorrelation(pcm, reference, 400);
        assertTrue(correlation > 0.55, "correlation with the G.711 capture's speech " + correlation);
        double ratio = Pcm.rms(pcm) / Pcm.rms(reference);
        assertTrue(ratio > 0.7 && ratio < 1.4, "loudness against the G.711 capture's " + ratio);
    }

    @Test
    void aPayloadOfSeveralFramesDecodesThemAll() throws IOException {
        List<byte[]> payloads = payloads();
        byte[] both = RtpPayloads.concatenate(payloads.subList(100, 102));
        short[] separately = decode(payloads.subList(100, 102));
        try (IlbcDecoder decoder = new IlbcDecoder()) {
            short[] pcm = new short[decoder.maxSamples(both.length)];
            assertEquals(480, decoder.decode(both, 0, both.length, pcm, 0));
            assertArrayEquals(separately, Arrays.copyOf(pcm, 480));
        }
    }

    @Test
    void twentyMillisecondFramesGiveTwentyMilliseconds() {
        try (IlbcDecoder decoder = new IlbcDecoder()) {
            byte[] frames = new byte[76];
            new Random(3).nextBytes(frames);
            short[] pcm = new short[decoder.maxSamples(frames.length)];
            assertEquals(320, decoder.decode(frames, 0, frames.length, pcm, 0));
        }
    }

    @Test
    void payloadsOfNoWholeFramesGiveSilence() {
        try (IlbcDecoder decoder = new IlbcDecoder()) {
            short[] pcm = new short[decoder.maxSamples(2000)];
            Arrays.fill(pcm, (short) 55);
            assertEquals(240, decoder.decode(new byte[49], 0, 49, pcm, 0));
            for (int i = 0; i < 240; i++) {
                assertEquals(0, pcm[i]);
            }
            assertEquals(55, pcm[240]);
            byte[] tooMany = new byte[(IlbcDecoder.MAX_FRAMES + 1) * 50];
            assertEquals(240, decoder.decode(tooMany, 0, tooMany.length, pcm, 0));
            assertEquals(0, decoder.decode(tooMany, 0, 0, pcm, 0));
        }
    }

    @Test
    void randomBytesNeverFailTheDecoder() {
        Random random = new Random(42);
        try (IlbcDecoder decoder = new IlbcDecoder()) {
            for (int i = 0; i < 20_000; i++) {
                int length = random.nextInt(3) == 0 ? random.nextInt(1, 300) : (random.nextBoolean() ? 38 : 50)
                        * random.nextInt(1, 4);
                byte[] payload = new byte[length];
                random.nextBytes(payload);
                short[] pcm = new short[decoder.maxSamples(length)];
                int samples = decoder.decode(payload, 0, length, pcm, 0);
                int expected = length % 50 == 0 ? length / 50 * 240 : length % 38 == 0 ? length / 38 * 160 : samples;
                assertEquals(expected, samples, "length " + length);
                assertTrue(samples == 160 || samples % 240 == 0 || samples % 160 == 0, "samples " + samples);
            }
        }
    }

    @Test
    void aClosedDecoderGivesSilence() throws IOException {
        byte[] speech = payloads().get(100);
        IlbcDecoder decoder = new IlbcDecoder();
        decoder.close();
        decoder.close();
        short[] pcm = new short[decoder.maxSamples(speech.length)];
        assertEquals(240, decoder.decode(speech, 0, speech.length, pcm, 0));
        for (short s : pcm) {
            assertEquals(0, s);
        }
    }
}
