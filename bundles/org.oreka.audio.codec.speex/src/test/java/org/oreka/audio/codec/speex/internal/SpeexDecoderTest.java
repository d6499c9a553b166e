package org.oreka.audio.codec.speex.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.oreka.testing.RtpPayloads;
import org.oreka.testing.Pcm;
import org.oreka.testing.SpeechComparison;

/**
 * Decodes the three Speex calls of ws-sip-rtp-speex.pcap (narrowband, wideband and ultra-wideband, rtpmap
 * speex/8000, speex/16000 and speex/32000) with one kind of decoder and checks each is the speech the G.711
 * capture carries, 20 ms per packet at 8 kHz; and that hostile payloads give silence.
 */
class SpeexDecoderTest {

    /** The source ports of the narrowband, wideband and ultra-wideband calls (MANIFEST.md). */
    private static final int[] PORTS = {21280, 22662, 28286};

    private static List<List<byte[]>> streams() throws IOException {
        List<List<byte[]>> streams = new ArrayList<>();
        for (int port : PORTS) {
            streams.add(RtpPayloads.read(RtpPayloads.capture("ws-sip-rtp-speex.pcap"), port, 99));
        }
        return streams;
    }

    private static short[] decode(List<byte[]> payloads) {
        try (SpeexDecoder decoder = new SpeexDecoder()) {
            return SpeechComparison.decode(decoder, payloads);
        }
    }

    @Test
    void libraryIsInstalled() {
        assertNull(LibSpeex.unavailable(), "libspeex1 is a prerequisite (scripts/prerequisites.sh)");
    }

    @Test
    void everyModeDecodesToTheSpeechOfTheG711Capture() throws IOException {
        List<List<byte[]>> streams = streams();
        assertEquals(3, streams.size());
        // Narrowband, wideband and ultra-wideband frames: each mode adds the bits of a higher band.
        assertEquals(List.of(28, 42, 47), streams.stream().map(s -> s.get(0).length).toList());
        short[] reference = SpeechComparison.referenceSpeech();
        for (List<byte[]> stream : streams) {
            int frameBytes = stream.get(0).length;
            assertEquals(425, stream.size());
            short[] pcm = decode(stream);
            assertEquals(425 * 160, pcm.length, frameBytes + "-byte frames: 20 ms at 8 kHz per packet");
            double loudness = SpeechComparison.envelopeCorrelation(pcm, reference, 80, 20);
            assertTrue(loudness > 0.95, frameBytes + "-byte frames: loudness correlation " + loudness);
            double waveform = SpeechComparison.bestCorrelation(pcm, reference, 200);
            assertTrue(waveform > 0.35, frameBytes + "-byte frames: waveform correlation " + waveform);
            double ratio = Pcm.rms(pcm) / Pcm.rms(reference);
            assertTrue(ratio > 0.7 && ratio < 1.4, frameBytes + "-byte frames: loudness against the G.711 capture's " + ratio);
        }
        double narrowband = SpeechComparison.bestCorrelation(decode(streams.get(0)), reference, 200);
        assertTrue(narrowband > 0.7, "narrowband waveform correlation " + narrowband);
    }

    @Test
    void aPayloadOfSeveralFramesDecodesThemAll() throws IOException {
        List<byte[]> narrowband = streams().get(0);
        // Mode 4 frames (wideband flag 0, mode 0100) of 220 bits, padded to 28 bytes; RFC 5574 packs the frames
        // of one payload bit after bit.
        byte[] first = narrowband.get(100);
        assertEquals(0x20, first[0] & 0xF8, "a narrowband frame of mode 4");
        byte[] both = new byte[55];
        copyBits(first, 0, both, 0, 220);
        copyBits(narrowband.get(101), 0, both, 220, 220);
        try (SpeexDecoder decoder = new SpeexDecoder()) {
            short[] pcm = new short[decoder.maxSamples(both.length)];
            assertEquals(320, decoder.decode(both, 0, both.length, pcm, 0));
            short[] single = new short[decoder.maxSamples(first.length)];
            try (SpeexDecoder reference = new SpeexDecoder()) {
                reference.decode(first, 0, first.length, single, 0);
            }
            assertEquals(Arrays.toString(Arrays.copyOf(single, 160)), Arrays.toString(Arrays.copyOf(pcm, 160)));
        }
    }

    private static void copyBits(byte[] from, int fromBit, byte[] to, int toBit, int bits) {
        for (int i = 0; i < bits; i++) {
            int bit = (from[(fromBit + i) / 8] >> (7 - (fromBit + i) % 8)) & 1;
            to[(toBit + i) / 8] |= (byte) (bit << (7 - (toBit + i) % 8));
        }
    }

    @Test
    void corruptPayloadsGiveOneFrameOfSilence() {
        try (SpeexDecoder decoder = new SpeexDecoder()) {
            short[] pcm = new short[decoder.maxSamples(2000)];
            Arrays.fill(pcm, (short) 77);
            // Mode 15 is the terminator: nothing to decode.
            assertEquals(160, decoder.decode(new byte[] {(byte) 0x78}, 0, 1, pcm, 0));
            for (int i = 0; i < 160; i++) {
                assertEquals(0, pcm[i]);
            }
            assertEquals(77, pcm[160]);
            // Modes 9 to 12 do not exist: a corrupt stream.
            assertEquals(160, decoder.decode(new byte[] {0x50, 0, 0, 0, 0, 0}, 0, 6, pcm, 0));
            assertEquals(160, decoder.decode(new byte[2000], 0, 2000, pcm, 0));
            assertEquals(0, decoder.decode(new byte[1], 0, 0, pcm, 0));
        }
    }

    @Test
    void randomBytesNeverFailTheDecoder() {
        Random random = new Random(42);
        try (SpeexDecoder decoder = new SpeexDecoder()) {
            for (int i = 0; i < 20_000; i++) {
                byte[] payload = new byte[random.nextInt(1, 200)];
                random.nextBytes(payload);
                short[] pcm = new short[decoder.maxSamples(payload.length)];
                int samples = decoder.decode(payload, 0, payload.length, pcm, 0);
                assertTrue(samples >= 160 && samples <= pcm.length && samples % 160 == 0, "samples " + samples);
            }
        }
    }

    @Test
    void aClosedDecoderGivesSilence() throws IOException {
        byte[] speech = streams().get(0).get(100);
        SpeexDecoder decoder = new SpeexDecoder();
        decoder.close();
        decoder.close();
        short[] pcm = new short[decoder.maxSamples(speech.length)];
        assertEquals(160, decoder.decode(speech, 0, speech.length, pcm, 0));
        for (short s : pcm) {
            assertEquals(0, s);
        }
    }
}
