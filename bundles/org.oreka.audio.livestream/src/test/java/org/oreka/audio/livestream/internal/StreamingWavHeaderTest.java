package org.oreka.audio.livestream.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;

/** The streaming WAV header, as the JDK's own WAV reader takes it. */
class StreamingWavHeaderTest {

    @Test
    void aPlayerReadsEightKilohertzSixteenBitPcmOfUnknownLength() throws Exception {
        byte[] header = StreamingWavHeader.of(8000, 2);
        assertEquals(44, header.length);
        byte[] pcm = new byte[1600];
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new BufferedInputStream(
                new SequenceInputStream(new ByteArrayInputStream(header), new ByteArrayInputStream(pcm))))) {
            AudioFormat format = in.getFormat();
            assertEquals(AudioFormat.Encoding.PCM_SIGNED, format.getEncoding());
            assertEquals(8000f, format.getSampleRate());
            assertEquals(16, format.getSampleSizeInBits());
            assertEquals(2, format.getChannels());
            assertFalse(format.isBigEndian());
            assertEquals(1600, in.readAllBytes().length, "the audio that follows is read as it comes");
        }
    }
}
