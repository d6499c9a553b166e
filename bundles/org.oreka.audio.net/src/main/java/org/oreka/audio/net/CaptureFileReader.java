package org.oreka.audio.net;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.oreka.audio.net.internal.CaptureRecords;
import org.oreka.audio.net.internal.FileWindow;
import org.oreka.audio.net.internal.PcapRecords;
import org.oreka.audio.net.internal.PcapngBlocks;
import org.oreka.sdk.capture.CapturedFrame;

/**
 * Reads the frames of a capture file: classic pcap (either byte order, microsecond or nanosecond timestamps) or
 * pcapng (sections in either byte order, any number of interfaces with their own link types and timestamp
 * resolutions; enhanced, simple and obsolete packet blocks).
 *
 * <p>Frames are handed out in place, from one read buffer: a frame filled by {@link #next(CapturedFrame)} is
 * valid until the next call, and reading allocates nothing per frame. A record cut short at the end of the file,
 * or a record length no capture could hold (corruption), ends reading quietly: {@link #next(CapturedFrame)}
 * returns false and {@link #truncated()} tells why. Not thread-safe.
 */
public final class CaptureFileReader implements Closeable {

    /** The largest record accepted; a longer one is treated as corruption. */
    public static final int MAX_RECORD_BYTES = 256 * 1024;
    private static final int BUFFER_BYTES = 1024 * 1024;
    private static final int MIN_BUFFER_BYTES = 4096;
    private static final int PCAP_MICROSECONDS = 0xA1B2C3D4;
    private static final int PCAP_NANOSECONDS = 0xA1B23C4D;

    private final Path file;
    private final FileChannel channel;
    private final CaptureRecords records;
    private long framesRead;

    private CaptureFileReader(Path file, FileChannel channel, CaptureRecords records) {
        this.file = file;
        this.channel = channel;
        this.records = records;
    }

    /**
     * Opens a capture file and reads its header.
     *
     * @throws CaptureFileException when the file is empty, too short, or not a pcap or pcapng capture
     * @throws IOException when the file cannot be read
     */
    public static CaptureFileReader open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            // A small file needs no more buffer than its size: no record can be longer than the file.
            int capacity = (int) Math.min(BUFFER_BYTES, Math.max(channel.size(), MIN_BUFFER_BYTES));
            FileWindow window = new FileWindow(channel, capacity);
            String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
            return new CaptureFileReader(file, channel, records(file, window, source));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static CaptureRecords records(Path file, FileWindow window, String source) throws IOException {
        if (!window.require(4)) {
            throw new CaptureFileException(file, window.available() == 0 ? "it is empty"
                    : "it holds only " + window.available() + " bytes");
        }
        window.order(ByteOrder.BIG_ENDIAN);
        int magic = window.getInt(0);
        if (magic == PcapngBlocks.SECTION_HEADER) {
            if (!window.require(28) || PcapngBlocks.sectionOrder(window) == null) {
                throw new CaptureFileException(file, "its pcapng section header is cut short or has no byte-order magic");
            }
            return new PcapngBlocks(window, source, MAX_RECORD_BYTES);
        }
        boolean bigEndian = magic == PCAP_MICROSECONDS || magic == PCAP_NANOSECONDS;
        int swapped = Integer.reverseBytes(magic);
        boolean littleEndian = swapped == PCAP_MICROSECONDS || swapped == PCAP_NANOSECONDS;
        if (!bigEndian && !littleEndian) {
            throw new CaptureFileException(file, String.format("it starts with 0x%08x", magic));
        }
        if (!window.require(PcapRecords.FILE_HEADER_BYTES)) {
            throw new CaptureFileException(file, "its pcap file header is cut short");
        }
        boolean nanoseconds = (bigEndian ? magic : swapped) == PCAP_NANOSECONDS;
        return new PcapRecords(window, source, bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN,
                nanoseconds, MAX_RECORD_BYTES);
    }

    /**
     * Points {@code frame} at the next frame: source = the file name, link type, capture time in microseconds
     * since the epoch, and the bytes in this reader's buffer, valid until the next call.
     *
     * @return false at the end of the file, including a clean stop at a cut-short or corrupt record
     * @throws IOException when reading the file fails
     */
    public boolean next(CapturedFrame frame) throws IOException {
        if (!records.next(frame)) {
            return false;
        }
        framesRead++;
        return true;
    }

    /** Whether reading stopped at a record that was cut short or corrupt, rather than at a clean end of file. */
    public boolean truncated() {
        return records.truncated();
    }

    /** Frames returned so far. */
    public long framesRead() {
        return framesRead;
    }

    /**
     * The pcapng interface of the last frame: the index of its interface description block within its section;
     * always 0 for classic pcap.
     */
    public int interfaceIndex() {
        return records.interfaceIndex();
    }

    /** The file being read. */
    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return "CaptureFileReader[" + file + ", " + framesRead + " frames]";
    }
}
