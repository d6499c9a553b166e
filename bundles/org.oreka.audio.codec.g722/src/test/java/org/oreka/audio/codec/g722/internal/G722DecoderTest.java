package org.oreka.audio.codec.g722.internal;

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

/** Decodes the G.722 call of ws-sip-rtp-g722.pcap as ffmpeg does, and damaged payloads without harm. */
class G722DecoderTest {

    private final G722Codec codec = new G722Codec();

    @Test
    void decodesTheCapturedCallExactlyAsFfmpegAt16kHz() throws Exception {
        List<byte[]> payloads = RtpPayloads.read(RtpPayloads.capture("ws-sip-rtp-g722.pcap"), 17472, 9);
        assertEquals(425, payloads.size());
        assertEquals(16000, codec.sampleRate());
        AudioDecoder decoder = codec.newDecoder();
        short[] ours = new short[payloads.size() * 320];
        int count = 0;
        for (byte[] payload : payloads) {
            assertEquals(320, decoder.maxSamples(payload.length), "20 ms of 16 kHz audio in 160 bytes");
            count += decoder.decode(payload, 0, payload.length, ours, count);
        }
        assertEquals(425 * 320, count);
        short[] ffmpeg = RtpPayloads.ffmpegDecode(RtpPayloads.concatenate(payloads), "-f", "g722");
        assertArrayEquals(ffmpeg, ours);
        assertTrue(Pcm.rms(ours) > 300, "the call carries speech, rms " + Pcm.rms(ours));
    }

    @Test
    void aPayloadAtAnOffsetDecodesAsAlone() throws Exception {
        List<byte[]> payloads = RtpPayloads.read(RtpPayloads.capture("ws-sip-rtp-g722.pcap"), 17472, 9);
        byte[] packet = new byte[12 + 160];
        System.arraycopy(payloads.get(0), 0, packet, 12, 160);
        short[] atOffset = new short[5 + 320];
        assertEquals(320, codec.newDecoder().decode(packet, 12, 160, atOffset, 5));
        short[] alone = new short[320];
        codec.newDecoder().decode(payloads.get(0), 0, 160, alone, 0);
        assertArrayEquals(alone, Arrays.copyOfRange(atOffset, 5, 325));
    }

    @Test
    void hostilePayloadsNeverThrow() {
        G722Decoder decoder = (G722Decoder) codec.newDecoder();
        byte[] garbage = new byte[4000];
        new Random(3).nextBytes(garbage);
        short[] pcm = new short[8000];
        assertEquals(8000, decoder.decode(garbage, 0, 4000, pcm, 0), "a huge payload of noise still decodes");
        assertEquals(0, decoder.decode(garbage, 0, 0, pcm, 0));
        assertEquals(0, decoder.decode(garbage, 0, -5, pcm, 0));
        assertEquals(0, decoder.maxSamples(-1));

        Arrays.fill(pcm, (short) 1);
        assertEquals(320, decoder.decode(garbage, 3900, 160, pcm, 0), "a length past the buffer is silence");
        assertEquals(-1, Pcm.firstSound(pcm, 0, 320), "silence");

        decoder.close();
        decoder.close();
        Arrays.fill(pcm, (short) 1);
        assertEquals(320, decoder.decode(garbage, 0, 160, pcm, 0), "a closed decoder gives silence");
        assertEquals(-1, Pcm.firstSound(pcm, 0, 320), "silence");
    }
}
