package org.oreka.rfb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oreka.protocol.Command;
import org.oreka.protocol.CommandRequest;
import org.oreka.protocol.CommandResponse;
import org.oreka.rfb.internal.fake.Configs;

/** The commands' parameters checked and answered clearly, and the API on its port. */
class RfbCommandTest {

    @TempDir
    Path folder;

    private final ScreenRecorder recorder = new ScreenRecorder();
    private final ScreenCommandServer server = new ScreenCommandServer();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        recorder.configure(Configs.of(ScreenRecorder.Config.class, Map.of("ScreenOutputPath", folder.toString(),
                "ReportingQueuePath", folder.resolve("queue").toString(), "TrackerHostname", "")));
        server.bindCommand(new PingCommand(), Map.of(Command.PROPERTY_NAME, "ping"));
        server.bindCommand(new StartRfbCommand(recorder), Map.of(Command.PROPERTY_NAME, "startrfb"));
        server.bindCommand(new PauseRfbCommand(recorder), Map.of(Command.PROPERTY_NAME, "pauserfb"));
        server.bindCommand(new StopRfbCommand(recorder), Map.of(Command.PROPERTY_NAME, "stoprfb"));
        server.configure(Configs.of(ScreenCommandServer.Config.class, Map.of("HttpServerPort", 0, "AllowedClients", "127.0.0.0/8, ::1")));
    }

    @AfterEach
    void stop() throws IOException {
        server.deactivate();
        recorder.deactivate();
    }

    @Test
    void parameterErrorsAreAnsweredClearly() {
        assertRefused(new StartRfbCommand(recorder), "type=startrfb&hostname=desk001", "startrfb needs the parameter orkuid");
        assertRefused(new StartRfbCommand(recorder), "type=startrfb&hostname=desk001&orkuid=", "startrfb needs the parameter orkuid");
        assertRefused(new StartRfbCommand(recorder), "type=startrfb&orkuid=200", "startrfb needs the parameter hostname");
        assertRefused(new StartRfbCommand(recorder), "type=startrfb&hostname=desk001&port=59x&orkuid=200",
                "invalid port '59x': a number from 1 to 65535");
        assertRefused(new StartRfbCommand(recorder), "type=startrfb&hostname=desk001&port=70000&orkuid=200",
                "invalid port '70000': a number from 1 to 65535");
        assertRefused(new StartRfbCommand(recorder), "type=startrfb&hostname=desk%20001&orkuid=200", "invalid hostname 'desk 001'");
        assertRefused(new StartRfbCommand(recorder), "type=startrfb&hostname=desk001&orkuid=..%2Fetc",
                "invalid orkuid '../etc': letters, digits, '_', '.' and '-', at most 48");
        assertRefused(new PauseRfbCommand(recorder), "type=pauserfb&orkuid=200", "no screen recording for orkuid 200");
        assertRefused(new StopRfbCommand(recorder), "type=stoprfb&hostname=desk001&port=5900&orkuid=200",
                "no screen recording for orkuid 200");
    }

    @Test
    void theApiAnswersInOrekasFormsAndUnknownCommandsAre404() throws Exception {
        HttpResponse<String> ping = get(server.port(), "/command?type=ping");
        assertEquals(200, ping.statusCode());
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\" ?>\n<response><success>true</success></response>\n",
                ping.body());
        HttpResponse<String> unknown = get(server.port(), "/command?type=frobnicate");
        assertEquals(404, unknown.statusCode());
        assertEquals("Error\r\nCommand not found:frobnicate\r\n", unknown.body());
        HttpResponse<String> missing = get(server.port(), "/command?type=stoprfb&orkuid=200&fmt=text/single-line");
        assertEquals("success=false comment=no%sscreen%srecording%sfor%sorkuid%s200 ", missing.body());
    }

    @Test
    void theListenerMovesWhenThePortChanges() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        int before = server.port();
        server.configure(Configs.of(ScreenCommandServer.Config.class, Map.of("HttpServerPort", port)));
        assertEquals(port, server.port());
        assertEquals(200, get(port, "/command?type=ping").statusCode());
        assertFalse(canConnect(before));
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static boolean canConnect(int port) {
        try (java.net.Socket s = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void assertRefused(Command command, String query, String reason) {
        CommandResponse response = command.execute(CommandRequest.parse(query, InetAddress.getLoopbackAddress(), "type"));
        assertFalse(response.success(), query);
        assertEquals(reason, response.comment(), query);
    }
}
