package org.oreka.audio.livestream.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.oreka.audio.codec.g711.G711;
import org.oreka.sdk.codec.AudioCodec;
import org.oreka.sdk.codec.AudioDecoder;
import org.oreka.sdk.codec.PayloadFormat;

/** The live mixer: sides placed on their RTP clocks, mixed or side by side, gaps and late packets. */
class LiveMixerTest {

    /** PCMU through the real G.711 tables; no other codec installed. */
    static final AudioCodec PCMU = new AudioCodec() {
        @Override
        public int sampleRate() {
            return 8000;
        }

        @Override
        public AudioDecoder newDecoder() {
            return new AudioDecoder() {
                @Override
                public int maxSamples(int payloadLength) {
                    return payloadLength;
                }

                @Override
                public int decode(byte[] payload, int offset, int length, short[] pcm, int pcmOffset) {
                    G711.ulawToLinear(payload, offset, length, pcm, pcmOffset);
                    return length;
                }
            };
        }
    };

    static AudioCodec codec(PayloadFormat format) {
        return format.name().equals("PCMU") ? PCMU : null;
    }

    /** 20 ms of PCMU of one constant sample value. */
    static byte[] packet(short value) {
        byte[] payload = new byte[160];
        java.util.Arrays.fill(payload, G711.linearToUlaw(value));
        return payload;
    }

    private static short sample(byte[] pcm, int index) {
        return (short) ((pcm[2 * index] & 0xFF) | (pcm[2 * index + 1] << 8));
    }

    @Test
    void stereoPutsSideOneLeftAndSideTwoRightOnceBothHaveAudio() {
        LiveMixer mixer = new LiveMixer(LiveMixerTest::codec, true);
        mixer.add(1, 0, null, 1000, packet((short) 1000));
        assertEquals(0, mixer.drain(false).length, "side 2 may still come for that stretch");
        mixer.add(2, 0, null, 50_000, packet((short) -2000));
        byte[] pcm = mixer.drain(false);
        assertEquals(160 * 4, pcm.length, "160 frames of two 16-bit samples");
        short left = sample(pcm, 0);
        short right = sample(pcm, 1);
        assertTrue(Math.abs(left - 1000) < 40, "left is side 1: " + left);
        assertTrue(Math.abs(right + 2000) < 80, "right is side 2: " + right);
    }

    @Test
    void monoAddsTheSidesAndClipsTheSum() {
        LiveMixer mixer = new LiveMixer(LiveMixerTest::codec, false);
        mixer.add(1, 0, null, 0, packet((short) 30000));
        mixer.add(2, 0, null, 0, packet((short) 30000));
        byte[] pcm = mixer.drain(false);
        assertEquals(320, pcm.length);
        assertEquals(Short.MAX_VALUE, sample(pcm, 10));
    }

    @Test
    void aLostPacketBecomesSilenceAndALateOneIsDropped() {
        LiveMixer mixer = new LiveMixer(LiveMixerTest::codec, true);
        mixer.add(1, 0, null, 0, packet((short) 1000));
        mixer.add(1, 0, null, 320, packet((short) 1000)); // 160..319 lost
        mixer.add(1, 0, null, 160, packet((short) 5000)); // arrives late: dropped
        byte[] pcm = mixer.drain(true);
        assertEquals(480 * 4, pcm.length, "three packets' worth on the side's clock");
        assertTrue(Math.abs(sample(pcm, 2 * 100) - 1000) < 40);
        assertEquals(0, sample(pcm, 2 * 200), "the lost packet is silence, the late one is not played");
        assertTrue(Math.abs(sample(pcm, 2 * 400) - 1000) < 40);
    }

    @Test
    void aSilentSideIsNotWaitedForBeyondFourHundredMilliseconds() {
        LiveMixer mixer = new LiveMixer(LiveMixerTest::codec, false);
        for (int i = 0; i < 30; i++) {
            mixer.add(1, 0, null, 160L * i, packet((short) 100));
        }
        byte[] pcm = mixer.drain(false);
        assertEquals((30 * 160 - LiveMixer.SIDE_WAIT) * 2, pcm.length,
                "one-way audio flows, 400 ms behind, while the other side may still come");
    }

    @Test
    void aSideThatComesBackLateAfterAGapIsPutBackInPlace() {
        LiveMixer mixer = new LiveMixer(LiveMixerTest::codec, true);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < 10; i++) {
            mixer.add(1, 0, null, 160L * i, packet((short) 1000));
            mixer.add(2, 0, null, 160L * i, packet((short) -1000));
            out.writeBytes(mixer.drain(false));
        }
        // A second of nothing (a pause), then side 1 comes back well before side 2 does.
        for (int i = 60; i < 70; i++) {
            mixer.add(1, 0, null, 160L * i, packet((short) 1000));
            out.writeBytes(mixer.drain(false));
        }
        for (int i = 60; i < 70; i++) {
            mixer.add(2, 0, null, 160L * i, packet((short) -1000));
            out.writeBytes(mixer.drain(false));
        }
        out.writeBytes(mixer.drain(true));
        byte[] pcm = out.toByteArray();
        assertEquals(70 * 160 * 4, pcm.length, "the timeline of the call, no longer");
        int frame = 65 * 160;
        assertTrue(Math.abs(sample(pcm, 2 * frame) - 1000) < 40, "side 1 after the gap");
        assertTrue(Math.abs(sample(pcm, 2 * frame + 1) + 1000) < 40, "side 2 after the gap, beside side 1");
        assertEquals(0, sample(pcm, 2 * 30 * 160 + 1), "silence in the gap");
    }

    @Test
    void aSideHoldsTwoSecondsAtMostDroppingTheOldest() {
        LiveMixer mixer = new LiveMixer(LiveMixerTest::codec, true);
        for (int i = 0; i < 150; i++) {
            mixer.add(1, 0, null, 160L * i, packet((short) 100));
        }
        assertEquals(16000 * 4, mixer.drain(true).length, "three seconds came, the last two are held");
    }

    @Test
    void theRtpClockWrapsAroundWithoutAGap() {
        LiveMixer mixer = new LiveMixer(LiveMixerTest::codec, true);
        mixer.add(1, 0, null, 0xFFFFFFFFL - 159, packet((short) 100));
        mixer.add(1, 0, null, 0, packet((short) 100));
        assertEquals(320 * 4, mixer.drain(true).length);
    }

    @Test
    void decodersHoldingStateAreClosedWhenTheStreamChangesAndWhenTheListenerIsDone() {
        java.util.List<String> closed = new java.util.ArrayList<>();
        AudioCodec closeable = new AudioCodec() {
            @Override
            public int sampleRate() {
                return 8000;
            }

            @Override
            public AudioDecoder newDecoder() {
                class Native implements AudioDecoder, AutoCloseable {
                    @Override
                    public int maxSamples(int payloadLength) {
                        return payloadLength;
                    }

                    @Override
                    public int decode(byte[] payload, int offset, int length, short[] pcm, int pcmOffset) {
                        return length;
                    }

                    @Override
                    public void close() {
                        closed.add("decoder");
                    }
                }
                return new Native();
            }
        };
        LiveMixer mixer = new LiveMixer(format -> format.name().equals("PCMA") ? closeable : PCMU, false);
        mixer.add(1, 8, null, 0, new byte[160]);
        mixer.add(1, 0, null, 160, packet((short) 1));
        assertEquals(java.util.List.of("decoder"), closed, "the PCMA decoder, when the side changed to PCMU");
        mixer.add(2, 8, null, 0, new byte[160]);
        mixer.close();
        assertEquals(java.util.List.of("decoder", "decoder"), closed, "side 2's, when the listener is done");
    }

    @Test
    void audioWithoutACodecIsLeftOutAndNamed() {
        LiveMixer mixer = new LiveMixer(LiveMixerTest::codec, false);
        mixer.add(1, 18, null, 0, new byte[20]);
        mixer.add(2, 0, null, 0, packet((short) 100));
        assertEquals(160 * 2, mixer.drain(true).length);
        assertEquals(Set.of("G729"), mixer.missingCodecs());
    }
}
