package org.oreka.audio.reporting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oreka.sdk.tape.Tape;
import org.oreka.sdk.tape.TapeDTO;
import org.oreka.sdk.tape.TapeProcessor;
import org.oreka.testing.TestTape;

import com.sun.net.httpserver.HttpServer;

/** The Reporting component against a real HTTP server playing OrkTrack: stages, deletetape, live reconfiguration. */
class ReportingTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final Reporting reporting = new Reporting();

    @BeforeEach
    void startTracker() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/orktrack/command", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            received.add(query);
            String body = query.contains("stage=ready") && query.contains("recid=drop")
                    ? "class=taperesponse success=true comment= deletetape=true"
                    : "class=simpleresponse success=true comment=";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        reporting.deactivate();
        server.stop(0);
    }

    @Test
    void everyStageReachesTheTrackerAndDeletetapeDeletesTheRecording() throws Exception {
        reporting.activate(config(dir.resolve("queue"), true));
        Files.createDirectories(dir.resolve("audio/2026"));
        Files.writeString(dir.resolve("audio/2026/drop.wav"), "audio");
        TapeDTO tape = tape("drop", "2026/drop.wav");
        reporting.tapeStarted(tape);
        reporting.tapeStopped(tape);
        assertEquals(TapeProcessor.Result.DONE, reporting.process(view(tape)));
        await(() -> received.size() == 4);
        assertTrue(received.get(0).startsWith("type=init&"));
        assertEquals(List.of("start", "stop", "ready"), received.subList(1, 4).stream()
                .map(q -> q.replaceAll(".*&stage=([a-z]+)&.*", "$1")).toList());
        await(() -> !Files.exists(dir.resolve("audio/2026/drop.wav")));
    }

    @Test
    void aNewQueueFolderAndNoReportingApplyLive() throws Exception {
        reporting.activate(config(dir.resolve("first"), true));
        reporting.tapeStarted(tape("one", "2026/one.mcf"));
        await(() -> received.stream().anyMatch(q -> q.contains("recid=one&")));
        reporting.modified(config(dir.resolve("second"), true));
        reporting.tapeStarted(tape("two", "2026/two.mcf"));
        await(() -> received.stream().anyMatch(q -> q.contains("recid=two&")));
        try (var files = Files.list(dir.resolve("second"))) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("outbox-")), "the new folder holds the queue");
        }
        reporting.modified(config(dir.resolve("second"), false));
        reporting.tapeStarted(tape("three", "2026/three.mcf"));
        Thread.sleep(300);
        assertFalse(received.stream().anyMatch(q -> q.contains("recid=three&")), "EnableReporting=false sends nothing");
    }

    private static TapeDTO tape(String orkuid, String file) {
        TapeDTO tape = new TapeDTO();
        tape.orkuid = orkuid;
        tape.file = file;
        tape.startMillis = 1_700_000_000_000L;
        return tape;
    }

    private Tape view(TapeDTO data) {
        return new TestTape(data, dir.resolve("audio"));
    }

    private Reporting.Config config(Path queue, boolean enabled) {
        Map<String, Object> values = new HashMap<>();
        values.put("TrackerHostname", "127.0.0.1:" + server.getAddress().getPort());
        values.put("ReportingQueuePath", queue.toString());
        values.put("AudioOutputPath", dir.resolve("audio").toString());
        values.put("EnableReporting", enabled);
        values.put("ClientRetryPeriodSec", 1);
        return (Reporting.Config) Proxy.newProxyInstance(Reporting.Config.class.getClassLoader(),
                new Class<?>[] {Reporting.Config.class}, (proxy, method, args) -> values.containsKey(method.getName())
                        ? values.get(method.getName()) : method.getDefaultValue());
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(20);
        }
    }
}
