package org.oreka.audio.codec.g726.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oreka.audio.codec.g711.G711;
import org.oreka.sdk.codec.AudioCodec;
import org.oreka.sdk.codec.AudioDecoder;
import org.oreka.testing.Pcm;
import org.oreka.testing.RtpPayloads;

/**
 * Decodes the eight G.726 calls of ws-sip-rtp-g726.pcap, each rate in both packings, to the audio of the same
 * sipp call in G.711 (ws-sip-rtp-g711.pcap), and damaged payloads without harm. ffmpeg is no reference here:
 * its 40 kbit/s decoder drifts away from the signal (correlation 0.77 with the G.711 call, against 0.9997 for
 * spandsp's).
 */
class G726DecoderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "G726x16Codec, 26326, 2, 0.985", "G726x24Codec, 28354, 3, 0.995", "G726x32Codec, 18180, 4, 0.998",
            "G726x40Codec, 31690, 5, 0.9995", "Aal2G726x16Codec, 22606, 2, 0.985", "Aal2G726x24Codec, 23040, 3, 0.995",
            "Aal2G726x32Codec, 27442, 4, 0.998", "Aal2G726x40Codec, 16984, 5, 0.9995" })
    void decodesTheCapturedCallToTheAudioOfItsG711Twin(String codecClass, int sourcePort, int bits,
            double minimumCorrelation) throws Exception {
        List<byte[]> payloads = RtpPayloads.read(RtpPayloads.capture("ws-sip-rtp-g726.pcap"), sourcePort, 99);
        assertEquals(425, payloads.size());
        AudioCodec codec = (AudioCodec) Class.forName(G726Codec.class.getPackageName() + "." + codecClass)
                .getConstructor().newInstance();
        assertEquals(8000, codec.sampleRate());
        AudioDecoder decoder = codec.newDecoder();
        short[] ours = new short[payloads.size() * 160];
        int count = 0;
        for (byte[] payload : payloads) {
            assertEquals(20 * bits, payload.length, "20 ms at " + 8 * bits + " kbit/s");
            assertEquals(160, decoder.maxSamples(payload.length));
            count += decoder.decode(payload, 0, payload.length, ours, count);
        }
        assertEquals(425 * 160, count);
        short[] g711 = g711Twin();
        assertEquals(g711.length, ours.length);
        double correlation = Pcm.correlation(g711, ours);
        assertTrue(correlation >= minimumCorrelation, "correlation with the G.711 call " + correlation);
        assertEquals(Pcm.rms(g711), Pcm.rms(ours), Pcm.rms(g711) * 0.02, "the same loudness");
    }

    /** The same sipp call as PCMU, decoded by the G.711 tables of the recorder. */
    private static short[] g711Twin() throws IOException {
        byte[] ulaw = RtpPayloads.concatenate(RtpPayloads.read(RtpPayloads.capture("ws-sip-rtp-g711.pcap"), 27942, 0));
        short[] pcm = new short[ulaw.length];
        G711.ulawToLinear(ulaw, 0, ulaw.length, pcm, 0);
        return pcm;
    }

    @Test
    void theWrongPackingIsNotTheSameAudio() throws Exception {
        List<byte[]> payloads = RtpPayloads.read(RtpPayloads.capture("ws-sip-rtp-g726.pcap"), 28354, 99);
        assertFalse(Arrays.equals(decodeAll(new G726x24Codec(), payloads), decodeAll(new Aal2G726x24Codec(), payloads)));
    }

    @Test
    void hostilePayloadsNeverThrow() {
        G726Decoder decoder = (G726Decoder) new G726x40Codec().newDecoder();
        byte[] garbage = new byte[5000];
        new Random(5).nextBytes(garbage);
        short[] pcm = new short[decoder.maxSamples(5000)];
        assertEquals(8000, decoder.decode(garbage, 0, 5000, pcm, 0), "a huge payload of noise still decodes");
        Arrays.fill(pcm, (short) 1);
        assertEquals(12, decoder.decode(garbage, 0, 8, pcm, 0), "five bytes of codewords, three of a cut group");
        assertEquals(-1, Pcm.firstSound(pcm, 8, 12), "the cut group is silence");
        assertEquals(0, decoder.decode(garbage, 0, 0, pcm, 0));
        assertEquals(0, decoder.decode(garbage, 0, -4, pcm, 0));

        Arrays.fill(pcm, (short) 1);
        assertEquals(160, decoder.decode(garbage, 4950, 100, pcm, 0), "a length past the buffer is silence");
        assertEquals(-1, Pcm.firstSound(pcm, 0, 160), "silence");

        decoder.close();
        Arrays.fill(pcm, (short) 1);
        assertEquals(160, decoder.decode(garbage, 0, 100, pcm, 0), "a closed decoder gives silence");
        assertEquals(-1, Pcm.firstSound(pcm, 0, 160), "silence");
    }

    @Test
    void aPayloadOfTheWrongSizeDoesNotShiftTheCodewordsAfterIt() throws Exception {
        List<byte[]> payloads = RtpPayloads.read(RtpPayloads.capture("ws-sip-rtp-g726.pcap"), 31690, 99);
        short[] clean = decodeAll(new G726x40Codec(), payloads);
        AudioDecoder decoder = new G726x40Codec().newDecoder();
        short[] pcm = new short[clean.length];
        short[] cut = new short[4];
        int count = 0;
        for (int i = 0; i < payloads.size(); i++) {
            if (i == 100) {
                assertEquals(4, decoder.decode(payloads.get(i), 0, 3, cut, 0), "three bytes: 4.8 codewords");
                assertEquals(-1, Pcm.firstSound(cut, 0, 4));
            }
            count += decoder.decode(payloads.get(i), 0, payloads.get(i).length, pcm, count);
        }
        assertArrayEquals(clean, pcm, "the stream after the cut payload decodes as if it had not been there");
    }

    private static short[] decodeAll(AudioCodec codec, List<byte[]> payloads) {
        AudioDecoder decoder = codec.newDecoder();
        short[] pcm = new short[payloads.size() * 160];
        int count = 0;
        for (byte[] payload : payloads) {
            count += decoder.decode(payload, 0, payload.length, pcm, count);
        }
        return pcm;
    }
}
