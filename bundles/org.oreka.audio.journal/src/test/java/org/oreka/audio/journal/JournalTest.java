package org.oreka.audio.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    @TempDir
    Path dir;

    @Test
    void recordsRoundTripWithEveryField() throws IOException {
        Path file = dir.resolve("t.mcf");
        byte[] payload = new byte[160];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        try (JournalWriter writer = new JournalWriter(file, 4096)) {
            writer.appendMetadata("rtpmap 1 101 telephone-event/8000", 1_700_000_000_000_000L);
            for (int i = 0; i < 100; i++) {
                writer.appendRtp(1 + i % 2, 0, 65530 + i, 0xFFFFFF00 + 160 * i, 0xCAFEBABE, i == 0,
                        1_700_000_000_000_000L + 20_000L * i, payload, 0, payload.length);
            }
        }
        assertEquals(100 * (32 + 160) + 32 + "rtpmap 1 101 telephone-event/8000".length(), Files.size(file));
        try (JournalReader reader = new JournalReader(file)) {
            JournalRecord meta = reader.next();
            assertTrue(meta.isMetadata());
            assertEquals("rtpmap 1 101 telephone-event/8000", meta.metadata());
            for (int i = 0; i < 100; i++) {
                JournalRecord r = reader.next();
                assertEquals(1 + i % 2, r.side());
                assertEquals((65530 + i) & 0xffff, r.sequence());
                assertEquals(0xFFFFFF00 + 160 * i, r.rtpTimestamp());
                assertEquals(0xCAFEBABE, r.ssrc());
                assertEquals(i == 0, r.marker());
                assertEquals(1_700_000_000_000_000L + 20_000L * i, r.arrivalMicros());
                assertEquals(160, r.payloadLength());
                assertEquals((byte) 159, r.payloadArray()[r.payloadOffset() + 159]);
            }
            assertNull(reader.next());
            assertFalse(reader.damaged());
        }
    }

    @Test
    void aJournalCutByACrashEndsAtItsLastCompleteRecord() throws IOException {
        Path file = dir.resolve("crash.mcf");
        try (JournalWriter writer = new JournalWriter(file, 1024)) {
            for (int i = 0; i < 10; i++) {
                writer.appendRtp(1, 8, i, 160 * i, 1, false, 20_000L * i, new byte[160], 0, 160);
            }
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(7 * 192 + 50);
        }
        try (JournalReader reader = new JournalReader(file)) {
            int records = 0;
            while (reader.next() != null) {
                records++;
            }
            assertEquals(7, records);
            assertTrue(reader.damaged());
            assertEquals(7 * 192, reader.validBytes());
        }
    }

    @Test
    void garbageIsDamageNotAnException() throws IOException {
        Path file = dir.resolve("garbage.mcf");
        Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33});
        try (JournalReader reader = new JournalReader(file)) {
            assertNull(reader.next());
            assertTrue(reader.damaged());
        }
    }

    @Test
    void writesReachTheDiskInBatches() throws IOException {
        Path file = dir.resolve("batch.mcf");
        try (JournalWriter writer = new JournalWriter(file, 70_000)) {
            writer.appendRtp(1, 0, 1, 1, 1, false, 1, new byte[160], 0, 160);
            assertEquals(0, Files.size(file), "nothing on disk before the batch fills");
            assertEquals(192, writer.pendingBytes());
            writer.flush();
            assertEquals(192, Files.size(file));
        }
    }
}
