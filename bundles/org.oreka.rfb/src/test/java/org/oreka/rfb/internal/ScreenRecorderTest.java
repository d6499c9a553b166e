package org.oreka.rfb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oreka.protocol.UrlForm;
import org.oreka.rfb.internal.fake.Configs;
import org.oreka.rfb.internal.fake.FakeVncServer;

/** The screen recorder against a scripted VNC server, real ffmpeg, and an HTTP server playing OrkTrack. */
class ScreenRecorderTest {

    @TempDir
    Path folder;

    private final ScreenRecorder recorder = new ScreenRecorder();
    private final List<Map<String, String>> tracked = new CopyOnWriteArrayList<>();
    private HttpServer tracker;

    @BeforeEach
    void start() throws IOException {
        tracker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tracker.createContext("/", exchange -> {
            Map<String, String> fields = UrlForm.parse(exchange.getRequestURI().getRawQuery());
            if ("tape".equals(fields.get("type"))) {
                tracked.add(fields);
            }
            byte[] body = "class=taperesponse success=true comment= deletetape=false".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        tracker.start();
        reconfigure("ffmpeg");
    }

    @AfterEach
    void stop() throws IOException {
        recorder.deactivate();
        tracker.stop(0);
    }

    @Test
    void aWrongPasswordIsTheAnswerAndNothingIsLeftRunning() throws Exception {
        try (FakeVncServer vnc = FakeVncServer.withPassword(c -> VncAuthentication.response(c, "right"), 64, 48, 0xff0000)) {
            ScreenRecorder.Outcome outcome = recorder.start(target(vnc, "wrong", "call1"));
            assertFalse(outcome.success());
            assertEquals("cannot record the screen of 127.0.0.1:" + vnc.port() + ": VNC authentication failed: Authentication failed",
                    outcome.comment());
        }
        assertTrue(recorder.recording("call1").isEmpty());
        assertFalse(Files.exists(folder.resolve("screen")));
        assertFalse(recorder.pause("call1").success());
    }

    @Test
    void anUnreachableDesktopIsTheAnswer() {
        ScreenRecorder.Outcome outcome = recorder.start(new RfbTarget("127.0.0.1", 1, "", "", "", "call2"));
        assertFalse(outcome.success());
        assertTrue(outcome.comment().startsWith("cannot record the screen of 127.0.0.1:1: "), outcome.comment());
    }

    /** A VNC server that goes away ends the recording with its video finished, stop and ready reported. */
    @Test
    void aServerThatDisconnectsLeavesAFinishedVideoAndItsTape() throws Exception {
        String recid;
        try (FakeVncServer vnc = FakeVncServer.withPassword(c -> VncAuthentication.response(c, "secret"), 64, 48, 0xff0000)) {
            ScreenRecorder.Outcome outcome = recorder.start(target(vnc, "secret", "call3"));
            assertTrue(outcome.success(), outcome.comment());
            recid = recorder.recording("call3").orElseThrow().recid();
            assertTrue(recorder.pause("call3").comment().startsWith("Pausing screen recording for orkuid call3"));
            assertTrue(recorder.start(target(vnc, "secret", "call3")).comment().startsWith("Resuming screen recording"));
            Thread.sleep(1500);
            vnc.disconnect();
        }
        for (int i = 0; i < 300 && recorder.recording("call3").isPresent(); i++) {
            Thread.sleep(100);
        }
        assertTrue(recorder.recording("call3").isEmpty());
        Path video;
        try (Stream<Path> files = Files.walk(folder.resolve("screen"))) {
            video = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        assertEquals(recid + ".webm", video.getFileName().toString());
        String probe = probe(video);
        assertTrue(probe.contains("codec_name=vp8") && probe.contains("width=64") && probe.contains("height=48"), probe);
        double seconds = Double.parseDouble(probe.replaceAll("(?s).*duration=([0-9.]+).*", "$1"));
        assertTrue(seconds >= 1.0 && seconds < 10, probe);
        for (int i = 0; i < 100 && tracked.size() < 3; i++) {
            Thread.sleep(100);
        }
        String filename = folder.resolve("screen").relativize(video).toString();
        assertEquals(video, recorder.video(filename).orElseThrow());
        Files.writeString(folder.resolve("outside.webm"), "not a recording");
        assertTrue(recorder.video("../outside.webm").isEmpty());
        assertTrue(recorder.video(folder.resolve("outside.webm").toString()).isEmpty());
        assertTrue(recorder.video("2026/../../outside.webm").isEmpty());
        assertTrue(recorder.video("").isEmpty());
        assertEquals(List.of("start", "stop", "ready"), tracked.stream().map(m -> m.get("stage")).toList());
        for (Map<String, String> m : tracked) {
            assertEquals("S", m.get("mediatype"));
            assertEquals(recid, m.get("recid"));
            assertEquals("call3", m.get("orkuid"));
            assertEquals("5001", m.get("loginstring"));
            assertEquals(folder.resolve("screen").relativize(video).toString(), m.get("filename"));
        }
    }

    /** One recording per agent, many at once: each its own connection, thread, encoder and file. */
    @Test
    void manyRecordingsAtOnceEachMakeTheirVideo() throws Exception {
        List<FakeVncServer> desktops = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                FakeVncServer vnc = FakeVncServer.withPassword(c -> VncAuthentication.response(c, "secret"), 32 + 2 * i, 24,
                        0x10000 * (i * 30));
                desktops.add(vnc);
                assertTrue(recorder.start(target(vnc, "secret", "agent" + i)).success());
            }
            Thread.sleep(1500);
            for (int i = 0; i < 8; i++) {
                assertTrue(recorder.stop("agent" + i).success());
            }
        } finally {
            for (FakeVncServer vnc : desktops) {
                vnc.close();
            }
        }
        try (Stream<Path> files = Files.walk(folder.resolve("screen"))) {
            List<Path> videos = files.filter(Files::isRegularFile).sorted().toList();
            assertEquals(8, videos.size(), videos.toString());
            for (Path video : videos) {
                String agent = video.getFileName().toString().replaceAll("_S.*", "");
                int i = Integer.parseInt(agent.substring("agent".length()));
                assertTrue(probe(video).contains("width=" + (32 + 2 * i)), video + ": " + probe(video));
            }
        }
    }

    /** A server trickling a large update does not hold stoprfb: its connection is dropped after a few seconds. */
    @Test
    void stopEndsARecordingStuckInATricklingUpdate() throws Exception {
        try (FakeVncServer vnc = new FakeVncServer(VncAuthentication.response(new byte[16], "secret"), 64, 48, 0xff0000, true)) {
            assertTrue(recorder.start(target(vnc, "secret", "call6")).success());
            Thread.sleep(1000);
            ScreenRecorder.Outcome stopped = recorder.stop("call6");
            assertTrue(stopped.success(), stopped.comment());
            // without dropping the connection, stop would give up waiting with the recording still running
            assertTrue(recorder.recording("call6").isEmpty());
        }
    }

    @Test
    void aMissingEncoderIsTheAnswer() throws Exception {
        reconfigure("/nonexistent/ffmpeg");
        try (FakeVncServer vnc = FakeVncServer.withPassword(c -> VncAuthentication.response(c, "secret"), 64, 48, 0xff0000)) {
            ScreenRecorder.Outcome outcome = recorder.start(target(vnc, "secret", "call4"));
            assertFalse(outcome.success());
            assertTrue(outcome.comment().startsWith("cannot start the video encoder (FfmpegPath, ScreenVideoFormat): "),
                    outcome.comment());
        }
        assertTrue(recorder.recording("call4").isEmpty());
    }

    /** An encoder that dies ends the recording by itself: its stop is reported, and no ready without a video. */
    @Test
    void anEncoderThatDiesEndsTheRecording() throws Exception {
        reconfigure("false");
        try (FakeVncServer vnc = FakeVncServer.withPassword(c -> VncAuthentication.response(c, "secret"), 64, 48, 0xff0000)) {
            assertTrue(recorder.start(target(vnc, "secret", "call5")).success());
            for (int i = 0; i < 100 && recorder.recording("call5").isPresent(); i++) {
                Thread.sleep(100);
            }
            assertTrue(recorder.recording("call5").isEmpty());
        }
        for (int i = 0; i < 100 && tracked.size() < 2; i++) {
            Thread.sleep(100);
        }
        Thread.sleep(300);
        assertEquals(List.of("start", "stop"), tracked.stream().map(m -> m.get("stage")).toList());
    }

    private void reconfigure(String ffmpeg) {
        recorder.configure(Configs.of(ScreenRecorder.Config.class, Map.of("ScreenOutputPath", folder.resolve("screen").toString(),
                "ReportingQueuePath", folder.resolve("queue").toString(), "ScreenFrameRate", 10, "TrackerHostname",
                "127.0.0.1:" + tracker.getAddress().getPort(), "ClientRetryPeriodSec", 1, "FfmpegPath", ffmpeg)));
    }

    private static RfbTarget target(FakeVncServer vnc, String password, String orkuid) {
        return new RfbTarget("127.0.0.1", vnc.port(), "5001", "john", password, orkuid);
    }

    private static String probe(Path video) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries", "format=duration:stream=codec_name,width,height",
                "-of", "default=noprint_wrappers=1", video.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
