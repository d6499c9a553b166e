package org.oreka.audio.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends records to a tape journal through an in-memory batch that goes to disk when it fills up or when
 * {@link #flush()} is called, so the capture thread pays one system call per batch, not per packet. Used by one
 * thread at a time.
 *
 * <p>Batches are direct buffers (the kernel copies from them without the extra copy a heap buffer costs) and
 * are reused from one journal to the next, as recorders open and close journals all day.
 */
public final class JournalWriter implements Closeable {

    private static final java.util.concurrent.ConcurrentLinkedQueue<ByteBuffer> SPARE_BATCHES =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private static final int MAX_SPARE_BATCHES = 1024;

    private final FileChannel channel;
    private final ByteBuffer batch;
    private long bytesWritten;
    private boolean closed;

    /**
     * Creates (or appends to) a journal.
     *
     * @param batchBytes how much is buffered before a write to disk
     */
    public JournalWriter(Path file, int batchBytes) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        this.batch = batch(Math.max(batchBytes, JournalFormat.HEADER_SIZE + JournalFormat.MAX_PAYLOAD));
        this.bytesWritten = channel.size();
    }

    /** Appends one RTP payload of a side. */
    public void appendRtp(int side, int payloadType, int sequence, int rtpTimestamp, int ssrc, boolean marker,
            long arrivalMicros, byte[] payload, int offset, int length) throws IOException {
        if (length > JournalFormat.MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload of " + length + " bytes is too long for a journal record");
        }
        reserve(JournalFormat.HEADER_SIZE + length);
        header(length, arrivalMicros, rtpTimestamp, ssrc, sequence, payloadType, side, marker ? JournalFormat.FLAG_MARKER : 0);
        batch.put(payload, offset, length);
    }

    /** Appends a metadata record, for instance {@code rtpmap 1 96 telephone-event/8000}. */
    public void appendMetadata(String text, long arrivalMicros) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > JournalFormat.MAX_PAYLOAD) {
            throw new IllegalArgumentException("metadata record too long");
        }
        reserve(JournalFormat.HEADER_SIZE + bytes.length);
        header(bytes.length, arrivalMicros, 0, 0, 0, JournalFormat.METADATA_PAYLOAD_TYPE, 0, 0);
        batch.put(bytes);
    }

    private void header(int length, long arrivalMicros, int rtpTimestamp, int ssrc, int sequence, int payloadType,
            int side, int flags) {
        batch.putInt(JournalFormat.MARKER);
        batch.putInt(length);
        batch.putLong(arrivalMicros);
        batch.putInt(rtpTimestamp);
        batch.putInt(ssrc);
        batch.putShort((short) sequence);
        batch.put((byte) payloadType);
        batch.put((byte) side);
        batch.putShort((short) flags);
        batch.putShort((short) 0);
    }

    private void reserve(int bytes) throws IOException {
        if (closed) {
            throw new IOException("journal closed");
        }
        if (batch.remaining() < bytes) {
            flush();
        }
    }

    /** Writes the batch to disk (not forcing it to the device). */
    public void flush() throws IOException {
        batch.flip();
        while (batch.hasRemaining()) {
            bytesWritten += channel.write(batch);
        }
        batch.clear();
    }

    /** Bytes in the file, flushed or not. */
    public long size() {
        return bytesWritten + batch.position();
    }

    /** Bytes waiting in memory. */
    public int pendingBytes() {
        return batch.position();
    }

    /** Flushes and closes the file; later calls do nothing. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            try {
                flush();
            } finally {
                closed = true;
                channel.close();
                batch.clear();
                if (SPARE_BATCHES.size() < MAX_SPARE_BATCHES) {
                    SPARE_BATCHES.offer(batch);
                }
            }
        }
    }

    private static ByteBuffer batch(int capacity) {
        for (ByteBuffer spare = SPARE_BATCHES.poll(); spare != null; spare = SPARE_BATCHES.poll()) {
            if (spare.capacity() == capacity) {
                return spare;
            }
        }
        return ByteBuffer.allocateDirect(capacity).order(ByteOrder.LITTLE_ENDIAN);
    }
}
