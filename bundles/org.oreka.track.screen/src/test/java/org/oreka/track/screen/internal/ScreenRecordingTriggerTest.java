package org.oreka.track.screen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oreka.protocol.UrlForm;
import org.oreka.track.screen.internal.fake.FakeAgentTracking;
import org.oreka.track.storage.Direction;
import org.oreka.track.storage.LiveCall;
import org.oreka.track.storage.LiveDecision;

/** Calls at devices of logged-in agents start and stop screen recordings on an HTTP server playing OrkRfb. */
class ScreenRecordingTriggerTest {

    private final FakeAgentTracking agents = new FakeAgentTracking();
    private final List<Map<String, String>> commands = new CopyOnWriteArrayList<>();
    private final List<String> tokens = new CopyOnWriteArrayList<>();
    private HttpServer orkrfb;
    private ScreenRecordingTrigger trigger;

    @BeforeEach
    void start() throws IOException {
        orkrfb = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        orkrfb.createContext("/", exchange -> {
            commands.add(UrlForm.parse(exchange.getRequestURI().getRawQuery()));
            tokens.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Oreka-Token")));
            byte[] body = "<response><success>true</success></response>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        orkrfb.start();
        trigger = new ScreenRecordingTrigger(agents, config("127.0.0.1:" + orkrfb.getAddress().getPort()));
    }

    @AfterEach
    void stop() throws InterruptedException {
        trigger.deactivate();
        orkrfb.stop(0);
    }

    @Test
    void aCallAtALoggedInAgentsDeviceRecordsTheWorkstationsScreen() throws Exception {
        agents.saveWorkstation("Desk 1", "desk001", 5901);
        agents.login("5001", "2001", null, "desk001", null);
        agents.login("5002", "2002", null, null, null);
        trigger.recordingStarted(call("20240101_101500_AAAA", "2001"));
        trigger.recordingStarted(call("20240101_101500_BBBB", "2002")); // no workstation: no screen
        trigger.recordingStarted(call("20240101_101500_CCCC", "2999")); // nobody logged in
        trigger.recordingStopped("20240101_101500_BBBB");
        trigger.recordingStopped("20240101_101500_AAAA");
        waitFor(2);
        Thread.sleep(300);
        assertEquals(2, commands.size(), commands.toString());
        assertEquals(Map.of("type", "startrfb", "hostname", "desk001", "port", "5901", "loginstring", "5001", "username", "5001",
                "password", "vncpw", "orkuid", "20240101_101500_AAAA"), commands.get(0));
        assertEquals(Map.of("type", "stoprfb", "orkuid", "20240101_101500_AAAA"), commands.get(1));
        assertEquals(List.of("tok", "tok"), tokens);
    }

    @Test
    void theLoginsOwnPortWinsOverTheWorkstations() throws Exception {
        agents.saveWorkstation("Shared", "terminal1", 5900);
        agents.login("5003", "2003", null, "terminal1", 5903);
        trigger.recordingStarted(call("20240101_101500_DDDD", "2003"));
        waitFor(1);
        assertEquals("5903", commands.get(0).get("port"));
    }

    /** OrkRfb down: tape ingestion is not held up, and the outage is logged once. */
    @Test
    void anUnreachableOrkRfbIsLoggedOnceAndNeverBlocks() throws Exception {
        orkrfb.stop(0);
        agents.login("5004", "2004", null, "desk004", 5900);
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            for (int i = 0; i < 5; i++) {
                trigger.recordingStarted(call("20240101_101500_E00" + i, "2004"));
            }
            Thread.sleep(2000);
        } finally {
            System.setErr(err);
        }
        String text = log.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.split("cannot be reached", -1).length - 1, text);
    }

    private void waitFor(int count) throws InterruptedException {
        for (int i = 0; i < 100 && commands.size() < count; i++) {
            Thread.sleep(50);
        }
    }

    private static LiveCall call(String orkuid, String device) {
        return new LiveCall(orkuid, "orkaudio", device, "5551234", Direction.IN, "both", Instant.now(), false, false,
                LiveDecision.NEITHER, List.of());
    }

    private static ScreenRecordingTrigger.Config config(String orkrfb) {
        Map<String, Object> values = Map.of("OrkRfbHostname", orkrfb, "OrkRfbApiToken", "tok", "VncPassword", "vncpw",
                "OrkRfbTimeoutSec", 2);
        return (ScreenRecordingTrigger.Config) Proxy.newProxyInstance(ScreenRecordingTrigger.Config.class.getClassLoader(),
                new Class<?>[] {ScreenRecordingTrigger.Config.class},
                (proxy, method, args) -> values.containsKey(method.getName()) ? values.get(method.getName())
                        : method.getDefaultValue());
    }
}
