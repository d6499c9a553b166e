package org.oreka.audio.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a tape journal record by record. A journal cut short by a crash, or damaged, ends at the last complete
 * record: {@link #next()} returns null and {@link #damaged()} tells whether bytes were left over.
 */
public final class JournalReader implements Closeable {

    private static final int BUFFER = 64 * 1024 + JournalFormat.HEADER_SIZE;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
    private final JournalRecord record = new JournalRecord();
    private long validBytes;
    private boolean damaged;
    private boolean eof;

    public JournalReader(Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        buffer.limit(0);
        record.data = buffer.array();
    }

    /** The next record, or null at the end (or at the first damage). The record is reused. */
    public JournalRecord next() throws IOException {
        if (!fill(JournalFormat.HEADER_SIZE)) {
            return null;
        }
        int start = buffer.position();
        if (buffer.getInt(start) != JournalFormat.MARKER) {
            damaged = true;
            return null;
        }
        int length = buffer.getInt(start + 4);
        if (length < 0 || length > JournalFormat.MAX_PAYLOAD) {
            damaged = true;
            return null;
        }
        if (!fill(JournalFormat.HEADER_SIZE + length)) {
            return null;
        }
        start = buffer.position();
        record.payloadLength = length;
        record.arrivalMicros = buffer.getLong(start + 8);
        record.rtpTimestamp = buffer.getInt(start + 16);
        record.ssrc = buffer.getInt(start + 20);
        record.sequence = buffer.getShort(start + 24) & 0xffff;
        record.payloadType = buffer.get(start + 26) & 0xff;
        record.side = buffer.get(start + 27) & 0xff;
        record.flags = buffer.getShort(start + 28) & 0xffff;
        record.payloadOffset = start + JournalFormat.HEADER_SIZE;
        buffer.position(start + JournalFormat.HEADER_SIZE + length);
        validBytes += JournalFormat.HEADER_SIZE + length;
        return record;
    }

    /** Makes at least {@code bytes} readable from the buffer's position; false at end of data. */
    private boolean fill(int bytes) throws IOException {
        if (buffer.remaining() >= bytes) {
            return true;
        }
        buffer.compact();
        while (!eof && buffer.position() < bytes) {
            if (channel.read(buffer) < 0) {
                eof = true;
            }
        }
        buffer.flip();
        record.data = buffer.array();
        if (buffer.remaining() < bytes) {
            if (buffer.hasRemaining()) {
                damaged = true;
            }
            return false;
        }
        return true;
    }

    /** Whether the journal ended with an incomplete or damaged record. */
    public boolean damaged() {
        return damaged;
    }

    /** Length of the journal's readable part: every complete record read so far. */
    public long validBytes() {
        return validBytes;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
