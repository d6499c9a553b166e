package org.oreka.audio.net.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * A sliding read window over a capture file: bulk reads into one reusable heap buffer, so that records can
 * be handed out in place, without a copy or an allocation per record.
 *
 * <p>Offsets given to the accessors are relative to the window's current position. Bytes before the position
 * stay valid until the next {@link #require(int)} or {@link #skip(long)}, which may move them.
 */
public final class FileWindow {

    private final FileChannel channel;
    private final ByteBuffer buffer;
    private final byte[] bytes;
    private int position;
    private int limit;
    private boolean endOfFile;

    /**
     * @param channel the file, read from its current position
     * @param capacity the buffer size: at least the largest record a caller may {@link #require(int)}, or at least
     *        the size of the file
     */
    public FileWindow(FileChannel channel, int capacity) {
        this.channel = channel;
        this.buffer = ByteBuffer.allocate(capacity);
        this.bytes = buffer.array();
    }

    /** Sets the byte order of the multi-byte accessors. */
    public void order(ByteOrder order) {
        buffer.order(order);
    }

    /**
     * Makes at least {@code count} bytes available from the position, reading more of the file when needed.
     *
     * @param count how many bytes; more than the capacity is refused, as the file was found to be that small
     * @return false when the file ends first; {@link #available()} then tells how much there was
     */
    public boolean require(int count) throws IOException {
        if (limit - position >= count) {
            return true;
        }
        if (endOfFile || count > bytes.length) {
            return false;
        }
        if (position > 0) {
            System.arraycopy(bytes, position, bytes, 0, limit - position);
            limit -= position;
            position = 0;
        }
        buffer.limit(bytes.length).position(limit);
        while (limit < count) {
            int read = channel.read(buffer);
            if (read < 0) {
                endOfFile = true;
                break;
            }
            limit += read;
        }
        return limit - position >= count;
    }

    /** Bytes buffered from the position on. */
    public int available() {
        return limit - position;
    }

    /** The buffer; the window's bytes start at {@link #position()}. */
    public byte[] array() {
        return bytes;
    }

    /** Index in {@link #array()} of the window's first byte. */
    public int position() {
        return position;
    }

    /** Moves the position forward over bytes already made available. */
    public void advance(int count) {
        position += count;
    }

    /**
     * Moves the position forward by {@code count} bytes, seeking past whatever is not buffered.
     *
     * @return false when the file ends before that point; the window is then at the end of the file
     */
    public boolean skip(long count) throws IOException {
        long buffered = limit - position;
        if (count <= buffered) {
            position += (int) count;
            return true;
        }
        long target = channel.position() + (count - buffered);
        position = 0;
        limit = 0;
        long size = channel.size();
        if (target > size) {
            channel.position(size);
            endOfFile = true;
            return false;
        }
        channel.position(target);
        return true;
    }

    /** The 32-bit value at {@code offset} from the position, in the current byte order. */
    public int getInt(int offset) {
        return buffer.getInt(position + offset);
    }

    /** The unsigned 32-bit value at {@code offset} from the position, in the current byte order. */
    public long getUnsignedInt(int offset) {
        return Integer.toUnsignedLong(buffer.getInt(position + offset));
    }

    /** The unsigned 16-bit value at {@code offset} from the position, in the current byte order. */
    public int getUnsignedShort(int offset) {
        return Short.toUnsignedInt(buffer.getShort(position + offset));
    }

    /** The signed 64-bit value at {@code offset} from the position, in the current byte order. */
    public long getLong(int offset) {
        return buffer.getLong(position + offset);
    }

    /** The byte at {@code offset} from the position, unsigned. */
    public int getUnsignedByte(int offset) {
        return bytes[position + offset] & 0xff;
    }
}
