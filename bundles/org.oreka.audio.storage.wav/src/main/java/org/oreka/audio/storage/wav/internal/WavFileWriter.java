package org.oreka.audio.storage.wav.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

import org.oreka.sdk.storage.AudioFileWriter;

/**
 * Streams samples into a RIFF/WAVE file through one large buffer, rewriting the header's sizes after every
 * block it flushes so that the file on disk is a valid WAV of everything flushed so far, even if the recorder
 * dies before {@link #close()}.
 */
final class WavFileWriter implements AudioFileWriter {

    /** A multiple of every block size (1, 2 or 4 bytes), so flushes never split a sample frame. */
    static final int BUFFER_BYTES = 256 * 1024;

    private static final int PCM_HEADER_BYTES = 44;
    private static final int FACT_HEADER_BYTES = 58;
    private static final int RIFF_SIZE_OFFSET = 4;
    private static final int FACT_LENGTH_OFFSET = 46;
    /** RIFF sizes are unsigned 32-bit numbers. */
    private static final long MAX_RIFF_SIZE = 0xFFFF_FFFFL;

    private final Path file;
    private final WavEncoding encoding;
    private final int channels;
    private final int blockAlign;
    private final int headerBytes;
    private final FileChannel channel;
    /** Buffers of closed writers, reused: a recorder writes thousands of files an hour. */
    private static final java.util.concurrent.ConcurrentLinkedQueue<ByteBuffer> SPARE_BUFFERS =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private static final int MAX_SPARE_BUFFERS = 16;

    private final ByteBuffer buffer = spareOrNewBuffer();
    private final ByteBuffer field = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    private long flushedDataBytes;
    private boolean failed;
    private boolean closed;

    private WavFileWriter(Path file, WavEncoding encoding, int channels, FileChannel channel) {
        this.file = file;
        this.encoding = encoding;
        this.channels = channels;
        this.blockAlign = channels * encoding.bytesPerSample();
        this.headerBytes = encoding.needsFactChunk() ? FACT_HEADER_BYTES : PCM_HEADER_BYTES;
        this.channel = channel;
    }

    /**
     * Creates {@code file} (replacing it) and writes the header of an empty recording.
     *
     * @throws IllegalArgumentException when the channel count is not 1 or 2 or the rate is not positive
     */
    static WavFileWriter create(Path file, WavEncoding encoding, int sampleRate, int channels) throws IOException {
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("WAV recordings are mono or stereo, not " + channels + " channels");
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        }
        return start(file, FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING), encoding, sampleRate, channels);
    }

    /** Writes the header of an empty recording to {@code channel}, an empty file, and returns its writer. */
    static WavFileWriter start(Path file, FileChannel channel, WavEncoding encoding, int sampleRate, int channels)
            throws IOException {
        try {
            WavFileWriter writer = new WavFileWriter(file, encoding, channels, channel);
            writer.writeHeader(sampleRate);
            return writer;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private void writeHeader(int sampleRate) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(headerBytes).order(ByteOrder.LITTLE_ENDIAN);
        header.put(ascii("RIFF")).putInt(headerBytes - 8).put(ascii("WAVE"));
        header.put(ascii("fmt ")).putInt(encoding.needsFactChunk() ? 18 : 16);
        header.putShort((short) encoding.formatTag());
        header.putShort((short) channels);
        header.putInt(sampleRate);
        header.putInt(Math.multiplyExact(sampleRate, blockAlign));
        header.putShort((short) blockAlign);
        header.putShort((short) (encoding.bytesPerSample() * 8));
        if (encoding.needsFactChunk()) {
            header.putShort((short) 0);
            header.put(ascii("fact")).putInt(4).putInt(0);
        }
        header.put(ascii("data")).putInt(0);
        header.flip();
        while (header.hasRemaining()) {
            channel.write(header);
        }
    }

    private static byte[] ascii(String chunkId) {
        return chunkId.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void write(short[] pcm, int offset, int frames) throws IOException {
        if (closed) {
            throw new IOException("writer of " + file + " is closed");
        }
        if (failed) {
            throw new IOException("an earlier write to " + file + " failed");
        }
        int samples = Math.multiplyExact(frames, channels);
        Objects.checkFromIndexSize(offset, samples, pcm.length);
        long dataBytes = flushedDataBytes + buffer.position() + (long) samples * encoding.bytesPerSample();
        if (headerBytes - 8 + dataBytes + 1 > MAX_RIFF_SIZE) {
            throw new IOException("WAV files cannot exceed 4 GiB: " + file);
        }
        int next = offset;
        int end = offset + samples;
        while (next < end) {
            if (!buffer.hasRemaining()) {
                flush();
            }
            int count = Math.min(end - next, buffer.remaining() / encoding.bytesPerSample());
            encoding.encode(pcm, next, count, buffer);
            next += count;
        }
    }

    /** Writes the buffered block, then makes the header describe everything written so far. */
    private void flush() throws IOException {
        buffer.flip();
        try {
            int length = buffer.remaining();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            flushedDataBytes += length;
            buffer.clear();
            writeSizes(0);
        } catch (IOException e) {
            failed = true;
            throw e;
        }
    }

    private void writeSizes(int padding) throws IOException {
        writeField(RIFF_SIZE_OFFSET, headerBytes - 8 + flushedDataBytes + padding);
        if (encoding.needsFactChunk()) {
            writeField(FACT_LENGTH_OFFSET, flushedDataBytes / blockAlign);
        }
        writeField(headerBytes - 4, flushedDataBytes);
    }

    private void writeField(long position, long unsignedValue) throws IOException {
        field.clear();
        field.putInt((int) unsignedValue).flip();
        while (field.hasRemaining()) {
            channel.write(field, position + field.position());
        }
    }

    /**
     * Completes the file; after a failed write, cuts it back to the last block that reached the disk whole.
     * Further calls do nothing.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (channel; BufferReturn giveBack = this::returnBuffer) {
            if (failed) {
                keepFlushedBlocks();
                return;
            }
            try {
                flush();
                // RIFF chunks have even lengths: an odd data chunk (8-bit mono) is followed by a pad byte.
                int padding = (int) (flushedDataBytes & 1);
                if (padding != 0) {
                    field.clear();
                    field.put((byte) 0).flip();
                    channel.write(field, headerBytes + flushedDataBytes);
                }
                writeSizes(padding);
            } catch (IOException e) {
                try {
                    keepFlushedBlocks();
                } catch (IOException again) {
                    e.addSuppressed(again);
                }
                throw e;
            }
        }
    }

    private void keepFlushedBlocks() throws IOException {
        // Whole frames only, and an even count so that no pad byte is needed (frames are 1, 2 or 4 bytes).
        flushedDataBytes -= flushedDataBytes % Math.max(2, blockAlign);
        channel.truncate(headerBytes + flushedDataBytes);
        writeSizes(0);
    }

    private static ByteBuffer spareOrNewBuffer() {
        ByteBuffer spare = SPARE_BUFFERS.poll();
        return spare != null ? spare : ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    }

    private void returnBuffer() {
        buffer.clear();
        if (SPARE_BUFFERS.size() < MAX_SPARE_BUFFERS) {
            SPARE_BUFFERS.offer(buffer);
        }
    }

    /** Gives the buffer back when {@link #close()} is done with it, however it ends. */
    private interface BufferReturn extends AutoCloseable {
        @Override
        void close();
    }
}
