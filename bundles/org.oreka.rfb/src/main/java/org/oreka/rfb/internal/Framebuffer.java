package org.oreka.rfb.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * The remote desktop as last drawn: four bytes per pixel in the pixel format OrkRfb asks servers for (32-bit true
 * colour, little-endian, red at bit 16: the bytes blue, green, red, unused), which is also ffmpeg's {@code bgr0}, so
 * frames go to the encoder without conversion. Every drawing operation checks that it stays on the desktop.
 */
final class Framebuffer {

    static final int BYTES_PER_PIXEL = 4;
    /** The largest desktop accepted (a 4K screen); a larger one would take unbounded memory per recording. */
    static final int MAX_SIDE = 4096;
    static final long MAX_PIXELS = 3840L * 2400;

    private int width;
    private int height;
    private byte[] pixels;

    Framebuffer(int width, int height) throws RfbException {
        resize(width, height);
    }

    /** Starts a black desktop of another size (DesktopSize). */
    void resize(int newWidth, int newHeight) throws RfbException {
        if (newWidth <= 0 || newHeight <= 0 || newWidth > MAX_SIDE || newHeight > MAX_SIDE
                || (long) newWidth * newHeight > MAX_PIXELS) {
            throw new RfbException("desktop size " + newWidth + "x" + newHeight + " is empty or larger than "
                    + MAX_SIDE + " pixels a side / " + MAX_PIXELS + " pixels");
        }
        width = newWidth;
        height = newHeight;
        pixels = new byte[newWidth * newHeight * BYTES_PER_PIXEL];
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** The pixels, row after row; the caller must not keep them across a {@link #resize}. */
    byte[] pixels() {
        return pixels;
    }

    /** The pixel at a point as 0xRRGGBB. */
    int rgb(int x, int y) {
        int i = (y * width + x) * BYTES_PER_PIXEL;
        return (pixels[i + 2] & 0xff) << 16 | (pixels[i + 1] & 0xff) << 8 | (pixels[i] & 0xff);
    }

    /** Refuses a rectangle that is not wholly on the desktop. */
    void check(int x, int y, int w, int h) throws RfbException {
        if (x < 0 || y < 0 || w < 0 || h < 0 || x + w > width || y + h > height) {
            throw new RfbException("rectangle " + w + "x" + h + " at " + x + "," + y + " is outside the " + width + "x"
                    + height + " desktop");
        }
    }

    /** Fills a checked rectangle with one pixel value (as read from the wire, little-endian). */
    void fill(int x, int y, int w, int h, int pixel) {
        byte b0 = (byte) pixel;
        byte b1 = (byte) (pixel >>> 8);
        byte b2 = (byte) (pixel >>> 16);
        byte b3 = (byte) (pixel >>> 24);
        for (int row = y; row < y + h; row++) {
            int i = (row * width + x) * BYTES_PER_PIXEL;
            int end = i + w * BYTES_PER_PIXEL;
            for (; i < end; i += BYTES_PER_PIXEL) {
                pixels[i] = b0;
                pixels[i + 1] = b1;
                pixels[i + 2] = b2;
                pixels[i + 3] = b3;
            }
        }
    }

    /** Reads a checked rectangle of raw pixels from the wire straight into the rows. */
    void readRaw(DataInputStream in, int x, int y, int w, int h) throws IOException {
        for (int row = y; row < y + h; row++) {
            in.readFully(pixels, (row * width + x) * BYTES_PER_PIXEL, w * BYTES_PER_PIXEL);
        }
    }

    /** Sets a checked rectangle from packed pixels ({@code w * h * 4} bytes from {@code offset}). */
    void set(int x, int y, int w, int h, byte[] source, int offset) {
        for (int row = 0; row < h; row++) {
            System.arraycopy(source, offset + row * w * BYTES_PER_PIXEL, pixels, ((y + row) * width + x) * BYTES_PER_PIXEL,
                    w * BYTES_PER_PIXEL);
        }
    }

    /** CopyRect: copies a checked source rectangle to a checked destination, overlapping or not. */
    void copy(int srcX, int srcY, int x, int y, int w, int h) {
        int rowBytes = w * BYTES_PER_PIXEL;
        if (srcY < y) {
            for (int row = h - 1; row >= 0; row--) {
                System.arraycopy(pixels, ((srcY + row) * width + srcX) * BYTES_PER_PIXEL, pixels,
                        ((y + row) * width + x) * BYTES_PER_PIXEL, rowBytes);
            }
        } else {
            for (int row = 0; row < h; row++) {
                System.arraycopy(pixels, ((srcY + row) * width + srcX) * BYTES_PER_PIXEL, pixels,
                        ((y + row) * width + x) * BYTES_PER_PIXEL, rowBytes);
            }
        }
    }

    /**
     * Draws the desktop into a frame of a fixed size (the video's): the top-left part that fits, the rest black. Used
     * after the desktop changed size, since a video keeps the size it started with.
     */
    void drawInto(byte[] frame, int frameWidth, int frameHeight) {
        Arrays.fill(frame, (byte) 0);
        int w = Math.min(width, frameWidth) * BYTES_PER_PIXEL;
        for (int row = 0; row < Math.min(height, frameHeight); row++) {
            System.arraycopy(pixels, row * width * BYTES_PER_PIXEL, frame, row * frameWidth * BYTES_PER_PIXEL, w);
        }
    }
}
