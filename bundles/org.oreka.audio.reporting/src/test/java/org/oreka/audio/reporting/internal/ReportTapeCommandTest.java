package org.oreka.audio.reporting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oreka.protocol.CommandRequest;
import org.oreka.protocol.CommandResponse;

/** reporttape over message logs as Reporting writes them. */
class ReportTapeCommandTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    @TempDir
    Path log;

    private final List<Map<String, String>> reported = new ArrayList<>();

    private CommandResponse run(String query) {
        Clock clock = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZONE);
        return new ReportTapeCommand(reported::add, log, clock)
                .execute(CommandRequest.parse(query, InetAddress.getLoopbackAddress(), "type"));
    }

    /** A messages.log line for a message, as Reporting logs it for one tracker. */
    private static String line(String tracker, String message) {
        return "2026-11-29T10:00:00,000  INFO TrackerSender:125 - [" + tracker + "] queuesize:0 enqueued: " + message;
    }

    @Test
    void readyMessagesOfTheWindowAreReportedOnceEachFromEveryLog() throws Exception {
        // 1764410400 is 2025-11-29 11:00 in Paris; 1764417600 13:00.
        Files.write(log.resolve("messages.log.1"), List.of(
                line("a", "type=tape recid=R1 stage=start timestamp=1764410400"),
                line("a", "type=tape recid=R1 stage=ready timestamp=1764410400 filename=2025/11/29/11/R1.wav"),
                line("b", "type=tape recid=R1 stage=ready timestamp=1764410400 filename=2025/11/29/11/R1.wav")));
        Files.write(log.resolve("messages.log"), List.of(
                "2026-11-29T10:00:01,000  INFO TrackerSender:102 - [a] init connection:true success:true comment:",
                line("a", "type=tape recid=R2 stage=ready timestamp=1764417600 localparty=John%sSmith"),
                line("a", "type=tape recid=R3 stage=ready timestamp=notanumber"),
                line("a", "type=addtag orkuid=R2 tagtype=dtmfdigit tagtext=5"),
                "a line cut sho"));
        CommandResponse all = run("type=reporttape&fromdate=20251129_100000");
        assertTrue(all.success(), all.comment());
        assertEquals("Reported 2 recordings from 2 message logs", all.comment());
        assertEquals(List.of("R1", "R2"), reported.stream().map(m -> m.get("recid")).toList());
        assertEquals("John Smith", reported.get(1).get("localparty"), "fields as they were sent");

        reported.clear();
        assertTrue(run("type=reporttape&fromdate=20251129_100000&todate=20251129_120000").success());
        assertEquals(List.of("R1"), reported.stream().map(m -> m.get("recid")).toList(), "todate is exclusive");
    }

    @Test
    void datesAreRequiredAndChecked() {
        assertFalse(run("type=reporttape").success());
        assertFalse(run("type=reporttape&fromdate=yesterday").success());
        assertFalse(run("type=reporttape&fromdate=20251129_100000&todate=2025").success());
        CommandResponse none = run("type=reporttape&fromdate=20251129_100000");
        assertTrue(none.success(), "no logs yet is no error");
        assertEquals("Reported 0 recordings from 0 message logs", none.comment());
    }
}
