package org.oreka.audio.command.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oreka.audio.command.internal.fake.FakeRecordingControl;
import org.oreka.protocol.Command;
import org.oreka.protocol.CommandResponse;

class RecorderCommandServerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final RecorderCommandServer server = new RecorderCommandServer();

    @BeforeEach
    void start() {
        server.bindCommand(new PingCommand(), Map.of(Command.PROPERTY_NAME, "ping"));
        server.configure(config(0, "127.0.0.0/8, ::1", ""));
    }

    @AfterEach
    void stop() {
        server.deactivate();
    }

    @Test
    void pingAnswersXmlAtAnyPath() throws Exception {
        HttpResponse<String> response = get("/command?type=ping", Map.of());
        assertEquals(200, response.statusCode());
        assertEquals("text/xml; charset=UTF-8", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\" ?>\n<response><success>true</success></response>\n",
                response.body());
        assertEquals(response.body(), get("/anything?type=ping", Map.of()).body());
    }

    @Test
    void answersSingleLineWhenAsked() throws Exception {
        assertEquals("success=true ", get("/command?type=ping", Map.of("Accept", "text/single-line")).body());
        server.bindCommand(r -> CommandResponse.success("recordresponse", "Starting capture for party:5002"),
                Map.of(Command.PROPERTY_NAME, "record"));
        assertEquals("success=true comment=Starting%scapture%sfor%sparty:5002 ",
                get("/command?type=record&party=5002&fmt=text/single-line", Map.of()).body());
    }

    @Test
    void unknownAndMissingCommandsAre404WithAReason() throws Exception {
        HttpResponse<String> unknown = get("/command?type=frobnicate", Map.of());
        assertEquals(404, unknown.statusCode());
        assertEquals("Error\r\nCommand not found:frobnicate\r\n", unknown.body());
        assertEquals("Error\r\nMalformed http request\r\n", get("/command", Map.of()).body());
    }

    @Test
    void recordingControlAnswersInOrekasFormsAndSaysWhenNothingMatched() throws Exception {
        FakeRecordingControl control = new FakeRecordingControl().with("20240101_101500_ABCD", "5001", "a@pbx");
        server.bindCommand(new PauseCommand(control), Map.of(Command.PROPERTY_NAME, "pause"));
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\" ?>\n<response><success>false</success>"
                + "<comment>no live session for party 5002</comment></response>\n",
                get("/command?type=pause&party=5002&side=both", Map.of()).body());
        assertEquals("success=true comment=Pausing%scapture%sfor%sparty%s5001:%sorkuid:20240101_101500_ABCD ",
                get("/command?type=pause&party=5001", Map.of("Accept", "text/single-line")).body());
    }

    @Test
    void refusesClientsOutsideTheAllowListAndWrongTokens() throws Exception {
        server.configure(config(server.port(), "10.0.0.0/8", ""));
        HttpResponse<String> refused = get("/command?type=ping", Map.of());
        assertEquals(403, refused.statusCode());
        assertEquals("Error\r\nclient 127.0.0.1 is not in AllowedClients\r\n", refused.body());

        server.configure(config(server.port(), "127.0.0.0/8", "s3cret"));
        assertEquals(403, get("/command?type=ping", Map.of()).statusCode());
        assertEquals(200, get("/command?type=ping&token=s3cret", Map.of()).statusCode());
        assertEquals(200, get("/command?type=ping", Map.of("X-Oreka-Token", "s3cret")).statusCode());
    }

    @Test
    void movesToANewPortWhenTheConfigurationChanges() throws Exception {
        int before = server.port();
        server.configure(config(0, "127.0.0.0/8", ""));
        // Port 0 asks for a fresh ephemeral port: the listener must have moved.
        assertNotEquals(before, server.port());
        assertEquals(200, get("/command?type=ping", Map.of()).statusCode());
        int moved = server.port();
        assertThrows(ConnectException.class, () -> http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + before + "/command?type=ping")).build(),
                HttpResponse.BodyHandlers.ofString()));
        assertEquals(moved, server.port());
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static RecorderCommandServer.Config config(int port, String allowed, String token) {
        return new RecorderCommandServer.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RecorderCommandServer.Config.class;
            }

            @Override
            public int HttpServerPort() {
                return port;
            }

            @Override
            public String AllowedClients() {
                return allowed;
            }

            @Override
            public String ApiToken() {
                return token;
            }
        };
    }
}
