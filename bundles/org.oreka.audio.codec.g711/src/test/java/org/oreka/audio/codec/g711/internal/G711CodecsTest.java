package org.oreka.audio.codec.g711.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.oreka.sdk.codec.AudioCodec;
import org.oreka.sdk.codec.AudioDecoder;

/** Checks that the PCMU and PCMA codecs decode whole payloads at 8000 Hz. */
class G711CodecsTest {

    @Test
    void pcmuDecodesOneSamplePerByteAt8000Hz() {
        assertDecodes(new PcmuCodec(), (byte) 0x80, (short) 32124);
    }

    @Test
    void pcmaDecodesOneSamplePerByteAt8000Hz() {
        assertDecodes(new PcmaCodec(), (byte) 0xAA, (short) 32256);
    }

    private static void assertDecodes(AudioCodec codec, byte loudest, short loudestLinear) {
        assertEquals(8000, codec.sampleRate());
        AudioDecoder decoder = codec.newDecoder();
        byte[] payload = new byte[12 + 160];
        Arrays.fill(payload, 12, payload.length, loudest);
        assertEquals(160, decoder.maxSamples(160));
        short[] pcm = new short[170];
        assertEquals(160, decoder.decode(payload, 12, 160, pcm, 5));
        assertEquals(0, pcm[4]);
        assertEquals(loudestLinear, pcm[5]);
        assertEquals(loudestLinear, pcm[164]);
        assertEquals(0, pcm[165]);
        assertEquals(0, decoder.decode(payload, 12, 0, pcm, 0));
    }
}
