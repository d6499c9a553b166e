package org.oreka.protocol.tracker;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The reporting queue on disk: an append-only log of messages in numbered segment files, read in order by one
 * cursor per tracker whose position is saved after each delivery. A message is written to the file before the
 * recorder goes on, so a killed process loses nothing; a line cut short by a crash is dropped at the next start.
 * Segments every cursor has passed are deleted.
 */
public final class Outbox implements AutoCloseable {

    /**
     * One queued message: its sequence number, when it was queued (ms since the epoch), its text, and where its line
     * ends in its segment file.
     */
    public record Entry(long seq, long queuedMillis, String message, Path segment, long end) {
    }

    private static final String SEGMENT_PREFIX = "outbox-";
    private static final String SEGMENT_SUFFIX = ".log";
    private static final String CURSOR_SUFFIX = ".cursor";

    private final Path folder;
    private final long segmentBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    /** First sequence number of each segment file. */
    private final TreeMap<Long, Path> segments = new TreeMap<>();
    private final Map<String, Cursor> cursors = new ConcurrentHashMap<>();
    private FileChannel tail;
    private long tailSize;
    private long lastSeq;
    private boolean closed;

    /**
     * Opens (or creates) the queue in {@code folder}; a line cut short by a crash is dropped.
     *
     * @param segmentBytes the size after which a new segment file is started
     */
    public Outbox(Path folder, long segmentBytes) throws IOException {
        this.folder = folder;
        this.segmentBytes = segmentBytes;
        Files.createDirectories(folder);
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(SEGMENT_PREFIX) && name.endsWith(SEGMENT_SUFFIX)) {
                    segments.put(Long.parseLong(name.substring(SEGMENT_PREFIX.length(), name.length() - SEGMENT_SUFFIX.length())),
                            file);
                }
            }
        }
        lastSeq = segments.isEmpty() ? 0 : segments.lastKey() - 1;
        if (!segments.isEmpty()) {
            Path last = segments.lastEntry().getValue();
            long complete = 0;
            for (Read read = readFrom(last, 0); !read.entries().isEmpty(); read = readFrom(last, complete)) {
                lastSeq = read.entries().get(read.entries().size() - 1).seq();
                complete = read.end();
            }
            tail = FileChannel.open(last, StandardOpenOption.WRITE);
            tail.truncate(complete);
            tail.position(complete);
            tailSize = complete;
        }
    }

    /** The folder of the queue's files. */
    public Path folder() {
        return folder;
    }

    /** Queues a message; returns its sequence number once it is written. */
    public long append(String message) throws IOException {
        if (message.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a queued message is one line");
        }
        lock.lock();
        try {
            if (closed) {
                throw new IOException("the reporting queue is closed");
            }
            long seq = lastSeq + 1;
            if (tail == null || tailSize >= segmentBytes) {
                roll(seq);
            }
            ByteBuffer line = StandardCharsets.UTF_8.encode(seq + " " + System.currentTimeMillis() + " " + message + "\n");
            while (line.hasRemaining()) {
                tailSize += tail.write(line);
            }
            lastSeq = seq;
            appended.signalAll();
            return seq;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Syncs the written messages to the disk (a process crash loses nothing without it; a machine crash might).
     * The sync runs outside the queue's lock: it can take most of a second on a busy disk, and neither the recorder
     * appending nor the senders reading may wait for it.
     */
    public void sync() throws IOException {
        FileChannel channel;
        lock.lock();
        try {
            channel = tail;
        } finally {
            lock.unlock();
        }
        try {
            if (channel != null) {
                channel.force(false);
            }
        } catch (java.nio.channels.ClosedChannelException rolled) {
            // a new segment was started meanwhile; the closed one was synced when it was rolled
        }
    }

    /** The sequence number of the newest message. */
    public long lastSeq() {
        lock.lock();
        try {
            return lastSeq;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The reading position of one reader; a new reader starts after the newest message (it is not sent history).
     */
    public Cursor cursor(String name) throws IOException {
        Cursor existing = cursors.get(name);
        if (existing != null) {
            return existing;
        }
        Path file = folder.resolve(name + CURSOR_SUFFIX);
        long delivered = Files.exists(file) ? Long.parseLong(Files.readString(file).trim()) : lastSeq();
        Cursor cursor = new Cursor(name, file, delivered);
        cursor.save();
        cursors.put(name, cursor);
        return cursor;
    }

    /** Forgets a reader (a tracker taken off the list) and its saved position. */
    public void removeCursor(String name) throws IOException {
        cursors.remove(name);
        Files.deleteIfExists(folder.resolve(name + CURSOR_SUFFIX));
        deletePassedSegments();
    }

    /** How many messages a reader has still to deliver. */
    public long backlog(Cursor cursor) {
        return lastSeq() - cursor.delivered;
    }

    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            closed = true;
            appended.signalAll();
            if (tail != null) {
                tail.close();
            }
        } finally {
            lock.unlock();
        }
    }

    private void roll(long firstSeq) throws IOException {
        if (tail != null) {
            tail.force(false);
            tail.close();
        }
        Path file = folder.resolve(String.format("%s%020d%s", SEGMENT_PREFIX, firstSeq, SEGMENT_SUFFIX));
        tail = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        tailSize = 0;
        segments.put(firstSeq, file);
    }

    private void deletePassedSegments() throws IOException {
        lock.lock();
        try {
            long oldestNeeded = cursors.values().stream().mapToLong(c -> c.delivered + 1).min().orElse(lastSeq + 1);
            while (segments.size() > 1) {
                Map.Entry<Long, Path> first = segments.firstEntry();
                Long next = segments.higherKey(first.getKey());
                if (next > oldestNeeded) {
                    break;
                }
                Files.deleteIfExists(first.getValue());
                segments.remove(first.getKey());
            }
        } finally {
            lock.unlock();
        }
    }

    private record Read(List<Entry> entries, long end) {
    }

    /** The whole lines of a segment from a byte offset (up to a megabyte of them), and where they end. */
    private static Read readFrom(Path segment, long offset) throws IOException {
        List<Entry> entries = new ArrayList<>();
        long end = offset;
        try (FileChannel in = FileChannel.open(segment, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(Math.max(0, in.size() - offset), 1 << 20));
            in.read(buffer, offset);
            byte[] bytes = buffer.array();
            int start = 0;
            for (int i = 0; i < buffer.position(); i++) {
                if (bytes[i] == '\n') {
                    String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
                    int a = line.indexOf(' ');
                    int b = line.indexOf(' ', a + 1);
                    start = i + 1;
                    end = offset + start;
                    entries.add(new Entry(Long.parseLong(line.substring(0, a)), Long.parseLong(line.substring(a + 1, b)),
                            line.substring(b + 1), segment, end));
                }
            }
        }
        return new Read(entries, end);
    }

    /** One reader's position: the last message it delivered, saved in a file of its own. */
    public final class Cursor {
        private final String name;
        private final Path file;
        private volatile long delivered;
        private Path segment;
        private long offset;

        private Cursor(String name, Path file, long delivered) {
            this.name = name;
            this.file = file;
            this.delivered = delivered;
        }

        public String name() {
            return name;
        }

        /**
         * The messages after the last delivered one, up to {@code max}; waits up to {@code timeoutMillis} for one.
         * Returns them again until they are {@link #delivered(Entry) marked delivered}.
         */
        public List<Entry> next(int max, long timeoutMillis) throws IOException, InterruptedException {
            long wanted = delivered + 1;
            Path current;
            lock.lock();
            try {
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
                while (!closed && lastSeq < wanted) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return List.of();
                    }
                    appended.awaitNanos(left);
                }
                if (closed) {
                    return List.of();
                }
                current = segments.floorEntry(wanted).getValue();
            } finally {
                lock.unlock();
            }
            if (!current.equals(segment)) {
                segment = current;
                offset = 0;
            }
            List<Entry> found = new ArrayList<>();
            for (Entry e : readFrom(segment, offset).entries()) {
                if (e.seq() >= wanted && found.size() < max) {
                    found.add(e);
                }
            }
            return found;
        }

        /** Marks every message up to {@code last} delivered and saves the position. */
        public void delivered(Entry last) throws IOException {
            delivered = last.seq();
            segment = last.segment();
            offset = last.end();
            save();
            boolean passedASegment;
            lock.lock();
            try {
                Long second = segments.size() > 1 ? segments.higherKey(segments.firstKey()) : null;
                passedASegment = second != null && second <= delivered + 1;
            } finally {
                lock.unlock();
            }
            if (passedASegment) {
                deletePassedSegments();
            }
        }

        public long deliveredSeq() {
            return delivered;
        }

        private void save() throws IOException {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, Long.toString(delivered));
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
