package org.oreka.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;

class ListenServletTest {

    @Test
    void theStreamingHeaderDescribesEightKilohertzSixteenBitPcm() throws Exception {
        byte[] header = ListenServlet.streamingWaveHeader(8000, 1);
        assertEquals(44, header.length);
        byte[] pcm = new byte[1600];
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new BufferedInputStream(new SequenceInputStream(new ByteArrayInputStream(header),
                new ByteArrayInputStream(pcm))))) {
            AudioFormat format = in.getFormat();
            assertEquals(AudioFormat.Encoding.PCM_SIGNED, format.getEncoding());
            assertEquals(8000f, format.getSampleRate());
            assertEquals(16, format.getSampleSizeInBits());
            assertEquals(1, format.getChannels());
            assertEquals(false, format.isBigEndian());
            assertEquals(1600, in.readAllBytes().length, "the audio that follows is read as it comes");
        }
    }
}
