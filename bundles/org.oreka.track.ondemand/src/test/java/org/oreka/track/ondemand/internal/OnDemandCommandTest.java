package org.oreka.track.ondemand.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oreka.protocol.CommandRequest;
import org.oreka.protocol.CommandResponse;
import org.oreka.track.storage.Direction;
import org.oreka.track.storage.LiveCall;
import org.oreka.track.storage.LiveCalls;
import org.oreka.track.storage.LiveDecision;
import org.oreka.track.storage.Recorder;
import org.oreka.track.storage.RecorderRegistration;
import org.oreka.track.storage.Recorders;

import com.sun.net.httpserver.HttpServer;

class OnDemandCommandTest {

    /** A recorder's command and streaming API that knows some parties and records what it is asked. */
    private static final class FakeRecorder {
        final HttpServer server;
        final List<String> asked = Collections.synchronizedList(new ArrayList<>());

        FakeRecorder(String knownParty, byte[] audio) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/command", exchange -> {
                String query = exchange.getRequestURI().getRawQuery();
                asked.add(query);
                boolean known = query.contains("party=" + knownParty) || query.contains("orkuid=");
                String body = known ? "success=true comment=done " : "success=false comment=no%slive%ssession ";
                reply(exchange, 200, body.getBytes(StandardCharsets.UTF_8));
            });
            server.createContext("/", exchange -> {
                asked.add(exchange.getRequestURI().getRawQuery());
                reply(exchange, 200, audio);
            });
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        private static void reply(com.sun.net.httpserver.HttpExchange exchange, int status, byte[] body) throws IOException {
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private final Map<String, LiveCall> live = new HashMap<>();
    private final Map<String, Recorder> recorderRows = new HashMap<>();
    private final List<String> paused = new ArrayList<>();
    private FakeRecorder first;
    private FakeRecorder second;
    private OnDemandCommand command;

    @BeforeEach
    void start() throws IOException {
        first = new FakeRecorder("5001", new byte[0]);
        second = new FakeRecorder("6001", new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        recorderRows.put("rec-a", new Recorder(1, "rec-a", "127.0.0.1", first.port(), first.port(), "AUDIO", null, null));
        recorderRows.put("rec-b", new Recorder(2, "rec-b", "127.0.0.1", second.port(), second.port(), "AUDIO", null, null));
        command = new OnDemandCommand(new RecorderRelayImpl(new LiveCalls() {
            @Override
            public Optional<LiveCall> byLocalParty(String localParty) {
                return live.values().stream().filter(c -> c.localParty().equals(localParty)).findFirst();
            }

            @Override
            public Optional<LiveCall> byOrkuid(String orkuid) {
                return Optional.ofNullable(live.get(orkuid));
            }

            @Override
            public List<LiveCall> all() {
                return List.copyOf(live.values());
            }

            @Override
            public Optional<Instant> lastCallEnd(String localParty) {
                return Optional.empty();
            }

            @Override
            public void setPaused(String orkuid, boolean pause) {
                paused.add(orkuid + "=" + pause);
            }
        }, new Recorders() {
            @Override
            public Recorder register(RecorderRegistration registration) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<Recorder> byName(String name) {
                return Optional.ofNullable(recorderRows.get(name));
            }

            @Override
            public List<Recorder> all() {
                return List.copyOf(recorderRows.values());
            }
        }, config()));
    }

    @AfterEach
    void stop() {
        first.server.stop(0);
        second.server.stop(0);
    }

    private CommandResponse run(String query) {
        return command.execute(CommandRequest.parse(query, InetAddress.getLoopbackAddress(), "cmd"));
    }

    @Test
    void aLiveCallsCommandGoesToTheRecorderThatHoldsIt() {
        live.put("20240101_101500_AAAA", new LiveCall("20240101_101500_AAAA", "rec-b", "6001", "555", Direction.IN, "both",
                Instant.now(), false, false, LiveDecision.NEITHER, List.of()));
        CommandResponse paused = run("cmd=ondemand&type=pause&localparty=6001");
        assertTrue(paused.success(), paused.toString());
        assertEquals("rec-b", paused.fields().get("recorder"));
        assertEquals(List.of("type=pause&party=6001&side=both"), second.asked);
        assertTrue(first.asked.isEmpty());
        assertEquals(List.of("20240101_101500_AAAA=true"), this.paused);
        assertTrue(run("cmd=ondemand&type=resume&orkuid=20240101_101500_AAAA&side=local").success());
        assertEquals("type=resume&orkuid=20240101_101500_AAAA&side=local", second.asked.get(1));
    }

    @Test
    void anUnknownPartyIsAskedOfEveryRecorderUntilOneHasIt() {
        CommandResponse record = run("cmd=ondemand&type=record&localparty=5001");
        assertTrue(record.success());
        assertEquals("rec-a", record.fields().get("recorder"));
        CommandResponse nobody = run("cmd=ondemand&type=stop&localparty=7777");
        assertFalse(nobody.success());
        assertEquals("ERROR_RECORDER_REFUSED", nobody.fields().get("returncode"));
        assertTrue(nobody.comment().contains("no live session"), nobody.comment());
    }

    @Test
    void badRequestsAndUnreachableRecordersAreClearFailures() {
        assertEquals("ERROR_INVALID_PARAMETER", run("cmd=ondemand&type=explode&localparty=1").fields().get("returncode"));
        assertEquals("ERROR_MISSING_PARAMETER", run("cmd=ondemand&type=record").fields().get("returncode"));
        first.server.stop(0);
        second.server.stop(0);
        CommandResponse down = run("cmd=ondemand&type=record&localparty=5001");
        assertFalse(down.success());
        assertTrue(down.comment().contains("unreachable"), down.comment());
    }

    @Test
    void liveAudioIsRelayedFromTheRecordersStreamingPort() throws IOException {
        live.put("20240101_101500_BBBB", new LiveCall("20240101_101500_BBBB", "rec-b", "6001", "555", Direction.IN, "both",
                Instant.now(), false, false, LiveDecision.NEITHER, List.of()));
        CommandResponse response = run("cmd=ondemand&type=streamaudio&localparty=6001&stereo=true");
        assertTrue(response.stream().isPresent());
        ByteArrayOutputStream relayed = new ByteArrayOutputStream();
        response.stream().get().writeTo(relayed);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, relayed.toByteArray());
        assertEquals("type=stream&localparty=6001&recid=20240101_101500_BBBB&stereo=true", second.asked.get(0));
    }

    private static RecorderRelayImpl.Config config() {
        return new RecorderRelayImpl.Config() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return RecorderRelayImpl.Config.class;
            }

            @Override
            public int RecorderTimeoutSec() {
                return 2;
            }

            @Override
            public String RecorderApiToken() {
                return "";
            }
        };
    }
}
