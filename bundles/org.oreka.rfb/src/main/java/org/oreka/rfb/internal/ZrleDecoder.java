package org.oreka.rfb.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * ZRLE rectangles (RFC 6143 7.7.6): zlib data, one stream for the whole connection, holding 64x64 tiles that are raw,
 * solid, packed-palette, plain-RLE or palette-RLE, with 3-byte compressed pixels (blue, green, red in the pixel format
 * OrkRfb asks for). Lengths, palette indexes and run lengths are checked; data ending inside a tile is refused.
 */
final class ZrleDecoder implements AutoCloseable {

    /** The most compressed data one rectangle may carry: a whole 4K desktop of incompressible pixels, and some. */
    static final int MAX_COMPRESSED_BYTES = 32 << 20;
    private static final int TILE = 64;

    private final Inflater inflater = new Inflater();
    private byte[] compressed = new byte[1 << 16];
    private final byte[] inflated = new byte[1 << 16];
    private int position;
    private int limit;
    private final byte[] tile = new byte[TILE * TILE * Framebuffer.BYTES_PER_PIXEL];
    private final int[] palette = new int[128];

    /** Reads one ZRLE rectangle (already checked to be on the desktop) and draws it. */
    void decode(DataInputStream in, Framebuffer framebuffer, int x, int y, int w, int h) throws IOException {
        long length = in.readInt() & 0xffffffffL;
        if (length > MAX_COMPRESSED_BYTES) {
            throw new RfbException("ZRLE rectangle of " + length + " bytes is larger than " + MAX_COMPRESSED_BYTES);
        }
        if (compressed.length < length) {
            compressed = new byte[(int) length];
        }
        in.readFully(compressed, 0, (int) length);
        inflater.setInput(compressed, 0, (int) length);
        position = 0;
        limit = 0;
        for (int ty = y; ty < y + h; ty += TILE) {
            int th = Math.min(TILE, y + h - ty);
            for (int tx = x; tx < x + w; tx += TILE) {
                int tw = Math.min(TILE, x + w - tx);
                tile(tw, th);
                framebuffer.set(tx, ty, tw, th, tile, 0);
            }
        }
        // Whatever the server compressed beyond the rectangle's tiles is not drawn.
        position = limit;
    }

    private void tile(int tw, int th) throws IOException {
        int pixelCount = tw * th;
        int subencoding = next();
        if (subencoding == 0) {
            for (int i = 0; i < pixelCount; i++) {
                put(i, cpixel());
            }
        } else if (subencoding == 1) {
            int pixel = cpixel();
            for (int i = 0; i < pixelCount; i++) {
                put(i, pixel);
            }
        } else if (subencoding <= 16) {
            readPalette(subencoding);
            int bits = subencoding == 2 ? 1 : subencoding <= 4 ? 2 : 4;
            int mask = (1 << bits) - 1;
            for (int row = 0; row < th; row++) {
                int current = 0;
                int left = 0;
                for (int col = 0; col < tw; col++) {
                    if (left == 0) {
                        current = next();
                        left = 8;
                    }
                    left -= bits;
                    int index = (current >>> left) & mask;
                    if (index >= subencoding) {
                        throw new RfbException("ZRLE palette index " + index + " beyond a palette of " + subencoding);
                    }
                    put(row * tw + col, palette[index]);
                }
            }
        } else if (subencoding == 128) {
            for (int i = 0; i < pixelCount;) {
                int pixel = cpixel();
                int run = runLength(pixelCount - i);
                for (int end = i + run; i < end; i++) {
                    put(i, pixel);
                }
            }
        } else if (subencoding >= 130) {
            int size = subencoding - 128;
            readPalette(size);
            for (int i = 0; i < pixelCount;) {
                int index = next();
                int run = 1;
                if ((index & 0x80) != 0) {
                    index &= 0x7f;
                    run = runLength(pixelCount - i);
                }
                if (index >= size) {
                    throw new RfbException("ZRLE palette index " + index + " beyond a palette of " + size);
                }
                for (int end = i + run; i < end; i++) {
                    put(i, palette[index]);
                }
            }
        } else {
            throw new RfbException("ZRLE tile subencoding " + subencoding + " does not exist");
        }
    }

    private void readPalette(int size) throws IOException {
        for (int i = 0; i < size; i++) {
            palette[i] = cpixel();
        }
    }

    private int runLength(int room) throws IOException {
        int run = 1;
        int b;
        do {
            b = next();
            run += b;
            if (run > room) {
                throw new RfbException("ZRLE run of " + run + " pixels overflows its tile");
            }
        } while (b == 255);
        return run;
    }

    private void put(int index, int pixel) {
        int i = index * Framebuffer.BYTES_PER_PIXEL;
        tile[i] = (byte) pixel;
        tile[i + 1] = (byte) (pixel >>> 8);
        tile[i + 2] = (byte) (pixel >>> 16);
        tile[i + 3] = 0;
    }

    private int cpixel() throws IOException {
        return next() | next() << 8 | next() << 16;
    }

    private int next() throws IOException {
        if (position == limit) {
            try {
                limit = inflater.inflate(inflated);
            } catch (DataFormatException e) {
                throw new RfbException("ZRLE data is not valid zlib: " + e.getMessage());
            }
            position = 0;
            if (limit == 0) {
                throw new RfbException("ZRLE data ends inside a rectangle");
            }
        }
        return inflated[position++] & 0xff;
    }

    @Override
    public void close() {
        inflater.end();
    }
}
