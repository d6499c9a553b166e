package org.oreka.rfb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The frame timeline: one frame per period of the wall clock, black while paused, the desktop otherwise. */
class FrameSamplerTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /** Each frame written, by the colour of its first pixel, or "blank". */
    private final List<String> frames = new ArrayList<>();

    private final FrameSink sink = new FrameSink() {
        @Override
        public void write(byte[] frame) {
            frames.add(String.format("%02x%02x%02x", frame[2], frame[1], frame[0]));
        }

        @Override
        public void writeBlank() {
            frames.add("blank");
        }
    };

    @Test
    void pausedStretchesAreBlankAndTheTimelineGoesOn() throws Exception {
        Framebuffer desktop = new Framebuffer(4, 4);
        desktop.fill(0, 0, 4, 4, 0xff0000);
        FrameSampler sampler = new FrameSampler(sink, 4, 4, 2, 0);
        assertEquals(SECOND / 2, sampler.sample(desktop, 0));
        sampler.sample(desktop, SECOND); // frames at 0.5 s and 1 s
        sampler.pause(true);
        desktop.fill(0, 0, 4, 4, 0x0000ff); // what is typed while paused never reaches the video
        sampler.sample(desktop, 2 * SECOND);
        sampler.pause(false);
        desktop.fill(0, 0, 4, 4, 0x00ff00);
        assertEquals(SECOND / 4, sampler.sample(desktop, 2 * SECOND + SECOND / 4));
        sampler.sample(desktop, 3 * SECOND);
        assertEquals(List.of("ff0000", "ff0000", "ff0000", "blank", "blank", "00ff00", "00ff00"), frames);
        assertEquals(7, sampler.frames());
    }

    /** A sample that comes late (the thread was reading a big update) repeats the picture for every frame it missed. */
    @Test
    void lateSamplesCatchUpWithTheClock() throws Exception {
        Framebuffer desktop = new Framebuffer(2, 2);
        FrameSampler sampler = new FrameSampler(sink, 2, 2, 10, 5 * SECOND);
        sampler.sample(desktop, 5 * SECOND);
        sampler.sample(desktop, 7 * SECOND);
        assertEquals(21, frames.size());
        sampler.sample(desktop, 7 * SECOND + 1);
        assertEquals(21, frames.size());
    }

    /** A desktop that changed size is drawn into the video's size: the part that fits, black around. */
    @Test
    void aResizedDesktopKeepsTheVideoSize() throws Exception {
        List<byte[]> written = new ArrayList<>();
        FrameSink keep = new FrameSink() {
            @Override
            public void write(byte[] frame) {
                written.add(frame.clone());
            }

            @Override
            public void writeBlank() {
            }
        };
        Framebuffer desktop = new Framebuffer(2, 2);
        desktop.resize(3, 1);
        desktop.fill(0, 0, 3, 1, 0xffffff);
        new FrameSampler(keep, 2, 2, 1, 0).sample(desktop, 0);
        byte[] frame = written.get(0);
        assertEquals(16, frame.length);
        assertEquals((byte) 0xff, frame[4]); // (1,0) white
        assertEquals(0, frame[8]); // (0,1) black
    }
}
