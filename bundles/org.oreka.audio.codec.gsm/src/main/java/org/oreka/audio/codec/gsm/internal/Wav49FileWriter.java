package org.oreka.audio.codec.gsm.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;

import org.oreka.sdk.storage.AudioFileWriter;

/**
 * Writes a GSM 6.10 WAV file (format tag 0x0031, "WAV49"): blocks of 65 bytes holding two frames, 320 samples,
 * with the {@code fmt } extension naming 320 samples per block and a {@code fact} chunk counting the samples.
 * The header is rewritten after every flushed buffer, so the file on disk stays playable up to the last flush
 * even if the recorder dies. Two-channel input is mixed to mono (the saturated sum of the sides, as mono
 * recordings are mixed), since GSM 6.10 WAV decoders handle one channel only.
 */
final class Wav49FileWriter implements AudioFileWriter {

    static final int SAMPLE_RATE = 8000;
    static final int BLOCK_SAMPLES = 2 * GsmDecoder.FRAME_SAMPLES;
    static final int BLOCK_BYTES = 65;
    static final int HEADER_BYTES = 60;
    /** About 40 s of audio between flushes. */
    static final int BLOCKS_PER_FLUSH = 1008;

    private static final int FORMAT_GSM610 = 0x0031;
    private static final int RIFF_SIZE_OFFSET = 4;
    private static final int FACT_SAMPLES_OFFSET = 48;
    private static final int DATA_SIZE_OFFSET = 56;
    private static final long MAX_RIFF_SIZE = 0xFFFF_FFFFL;

    private final Path file;
    private final int channels;
    private final FileChannel channel;
    private final GsmState encoder;
    private final short[] firstHalf = new short[GsmDecoder.FRAME_SAMPLES];
    private final short[] secondHalf = new short[GsmDecoder.FRAME_SAMPLES];
    private final byte[] frame = new byte[GsmDecoder.FRAME_BYTES];
    private final ByteBuffer buffer = ByteBuffer.allocate(BLOCK_BYTES * BLOCKS_PER_FLUSH);
    private final ByteBuffer field = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    private int pending;
    private long samples;
    private long flushedBlocks;
    private boolean failed;
    private boolean closed;

    private Wav49FileWriter(Path file, int channels, FileChannel channel, GsmState encoder) {
        this.file = file;
        this.channels = channels;
        this.channel = channel;
        this.encoder = encoder;
    }

    /**
     * Creates {@code file} (replacing it) holding an empty recording.
     *
     * @throws IllegalArgumentException unless the rate is 8000 Hz and there are 1 or 2 channels
     */
    static Wav49FileWriter create(Path file, int sampleRate, int channels) throws IOException {
        if (sampleRate != SAMPLE_RATE) {
            throw new IllegalArgumentException("GSM 6.10 WAV files are 8000 Hz, not " + sampleRate);
        }
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("recordings are mono or stereo, not " + channels + " channels");
        }
        return start(file, FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING), channels);
    }

    /** Writes the header of an empty recording to {@code channel}, an empty file, and returns its writer. */
    static Wav49FileWriter start(Path file, FileChannel channel, int channels) throws IOException {
        try {
            Wav49FileWriter writer = new Wav49FileWriter(file, channels, channel, new GsmState(true));
            writer.writeHeader();
            return writer;
        } catch (IOException | RuntimeException | Error e) {
            channel.close();
            throw e;
        }
    }

    private void writeHeader() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put(ascii("RIFF")).putInt(HEADER_BYTES - 8).put(ascii("WAVE"));
        header.put(ascii("fmt ")).putInt(20);
        header.putShort((short) FORMAT_GSM610).putShort((short) 1).putInt(SAMPLE_RATE);
        // 8000 / 320 blocks of 65 bytes a second, rounded as Microsoft's encoder does.
        header.putInt(1625).putShort((short) BLOCK_BYTES).putShort((short) 0);
        header.putShort((short) 2).putShort((short) BLOCK_SAMPLES);
        header.put(ascii("fact")).putInt(4).putInt(0);
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
        Objects.checkFromIndexSize(offset, Math.multiplyExact(frames, channels), pcm.length);
        long blocks = flushedBlocks + buffer.position() / BLOCK_BYTES + (pending + (long) frames) / BLOCK_SAMPLES + 1;
        if (HEADER_BYTES - 8 + blocks * BLOCK_BYTES + 1 > MAX_RIFF_SIZE) {
            throw new IOException("WAV files cannot exceed 4 GiB: " + file);
        }
        for (int i = 0; i < frames; i++) {
            int at = offset + i * channels;
            int sample = channels == 1 ? pcm[at] : pcm[at] + pcm[at + 1];
            short value = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sample));
            if (pending < GsmDecoder.FRAME_SAMPLES) {
                firstHalf[pending] = value;
            } else {
                secondHalf[pending - GsmDecoder.FRAME_SAMPLES] = value;
            }
            if (++pending == BLOCK_SAMPLES) {
                encodeBlock();
            }
        }
        samples += frames;
    }

    /** Encodes the pending 320 samples into one 65-byte block: libgsm writes 32 bytes, then 33. */
    private void encodeBlock() throws IOException {
        if (!buffer.hasRemaining()) {
            flush();
        }
        encoder.encode(firstHalf, frame);
        buffer.put(frame, 0, BLOCK_BYTES - GsmDecoder.FRAME_BYTES);
        encoder.encode(secondHalf, frame);
        buffer.put(frame, 0, GsmDecoder.FRAME_BYTES);
        pending = 0;
    }

    /** Writes the buffered blocks, then makes the header describe them. */
    private void flush() throws IOException {
        buffer.flip();
        try {
            int blocks = buffer.remaining() / BLOCK_BYTES;
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
            flushedBlocks += blocks;
            writeSizes(Math.min(samples, flushedBlocks * BLOCK_SAMPLES), 0);
        } catch (IOException e) {
            failed = true;
            throw e;
        }
    }

    private void writeSizes(long sampleCount, int padding) throws IOException {
        long dataBytes = flushedBlocks * BLOCK_BYTES;
        writeField(RIFF_SIZE_OFFSET, HEADER_BYTES - 8 + dataBytes + padding);
        writeField(FACT_SAMPLES_OFFSET, sampleCount);
        writeField(DATA_SIZE_OFFSET, dataBytes);
    }

    private void writeField(long position, long unsignedValue) throws IOException {
        field.clear();
        field.putInt((int) unsignedValue).flip();
        while (field.hasRemaining()) {
            channel.write(field, position + field.position());
        }
    }

    /**
     * Completes the file: the last samples are padded with silence to a whole block, whose extra samples the
     * {@code fact} chunk leaves out. After a failed write, the file keeps the blocks that reached the disk.
     * Frees the encoder. Further calls do nothing.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (channel; encoder) {
            if (failed) {
                keepFlushedBlocks();
                return;
            }
            try {
                if (pending > 0) {
                    Arrays.fill(firstHalf, Math.min(pending, GsmDecoder.FRAME_SAMPLES), firstHalf.length,
                            (short) 0);
                    Arrays.fill(secondHalf, Math.max(0, pending - GsmDecoder.FRAME_SAMPLES),
                            secondHalf.length, (short) 0);
                    encodeBlock();
                }
                flush();
                // RIFF chunks have even lengths: an odd number of 65-byte blocks is followed by a pad byte.
                int padding = (int) (flushedBlocks & 1);
                if (padding != 0) {
                    field.clear();
                    field.put((byte) 0).flip();
                    channel.write(field, HEADER_BYTES + flushedBlocks * BLOCK_BYTES);
                }
                writeSizes(samples, padding);
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
        // An even number of blocks, so that no pad byte is needed.
        flushedBlocks -= flushedBlocks & 1;
        channel.truncate(HEADER_BYTES + flushedBlocks * BLOCK_BYTES);
        writeSizes(flushedBlocks * BLOCK_SAMPLES, 0);
    }
}
