package org.oreka.protocol.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {

    @TempDir
    Path folder;

    @Test
    void aReaderGetsEveryMessageInOrderAndResumesAfterARestart() throws Exception {
        try (Outbox box = new Outbox(folder, 1 << 20)) {
            Outbox.Cursor cursor = box.cursor("tracker");
            box.append("type=tape&recid=a&stage=start&");
            box.append("type=tape&recid=a&stage=stop&");
            box.append("type=tape&recid=a&stage=ready&");
            List<Outbox.Entry> first = cursor.next(2, 1000);
            assertEquals(List.of("type=tape&recid=a&stage=start&", "type=tape&recid=a&stage=stop&"),
                    first.stream().map(Outbox.Entry::message).toList());
            assertEquals(first, cursor.next(2, 1000), "not marked delivered: offered again");
            cursor.delivered(first.get(0));
            assertEquals(2, box.backlog(cursor), "two messages still to deliver");
        }
        try (Outbox box = new Outbox(folder, 1 << 20)) {
            Outbox.Cursor cursor = box.cursor("tracker");
            assertEquals(List.of("type=tape&recid=a&stage=stop&", "type=tape&recid=a&stage=ready&"),
                    cursor.next(10, 1000).stream().map(Outbox.Entry::message).toList(), "resumes after the last delivered");
            assertEquals(4, box.append("type=tape&recid=b&stage=start&"), "numbering goes on");
        }
    }

    @Test
    void aLineCutShortByACrashIsDroppedAtTheNextStart() throws Exception {
        try (Outbox box = new Outbox(folder, 1 << 20)) {
            box.cursor("tracker");
            box.append("one");
            box.append("two");
        }
        Path segment;
        try (var files = Files.list(folder)) {
            segment = files.filter(f -> f.getFileName().toString().startsWith("outbox-")).findFirst().orElseThrow();
        }
        Files.writeString(segment, "3 1700000000000 thr", StandardOpenOption.APPEND);
        try (Outbox box = new Outbox(folder, 1 << 20)) {
            assertEquals(2, box.lastSeq());
            assertEquals(3, box.append("three"));
            assertEquals(List.of("one", "two", "three"),
                    box.cursor("tracker").next(10, 1000).stream().map(Outbox.Entry::message).toList());
        }
    }

    @Test
    void segmentsEveryReaderPassedAreDeletedAndANewReaderStartsAtTheEnd() throws Exception {
        try (Outbox box = new Outbox(folder, 200)) {
            Outbox.Cursor slow = box.cursor("slow");
            Outbox.Cursor fast = box.cursor("fast");
            for (int i = 0; i < 50; i++) {
                box.append("message-" + i + "-" + "x".repeat(40));
            }
            assertTrue(segments() > 10);
            for (List<Outbox.Entry> got = fast.next(7, 100); !got.isEmpty(); got = fast.next(7, 100)) {
                fast.delivered(got.get(got.size() - 1));
            }
            assertTrue(segments() > 10, "the slow reader still needs them");
            int read = 0;
            for (List<Outbox.Entry> got = slow.next(5, 100); !got.isEmpty(); got = slow.next(5, 100)) {
                assertEquals("message-" + read + "-" + "x".repeat(40), got.get(0).message());
                read += got.size();
                slow.delivered(got.get(got.size() - 1));
            }
            assertEquals(50, read);
            assertEquals(1, segments(), "only the segment being written is left");
            assertTrue(box.cursor("new").next(10, 50).isEmpty(), "a new tracker is not sent history");
        }
    }

    private long segments() throws Exception {
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("outbox-")).count();
        }
    }
}
