package org.oreka.track.ondemand.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.oreka.protocol.SingleLine;
import org.oreka.protocol.UrlForm;
import org.oreka.track.storage.Recorder;

/**
 * Talks to a recorder's APIs: a command on its command port (answered in the single-line form, which OrkAudio
 * gives when asked for {@code text/single-line}), and its live audio stream.
 */
final class RecorderClient {

    /** The recorder's reply to a command. */
    record Reply(boolean success, String comment) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Duration timeout;
    private final String token;

    RecorderClient(Duration timeout, String token) {
        this.timeout = timeout;
        this.token = token;
    }

    /** Sends {@code type=<command>} with the parameters to the recorder's command port. */
    Reply command(Recorder recorder, String command, Map<String, String> parameters) throws IOException, InterruptedException {
        StringBuilder query = new StringBuilder("type=").append(UrlForm.encode(command));
        parameters.forEach((k, v) -> query.append('&').append(UrlForm.encode(k)).append('=').append(UrlForm.encode(v)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host(recorder) + ":" + recorder.tcpPort()
                + "/command?" + query)).timeout(timeout).header("Accept", "text/single-line");
        if (!token.isEmpty()) {
            request.header("X-Oreka-Token", token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> fields = SingleLine.parse(response.body());
        if (!fields.containsKey("success")) {
            return new Reply(false, "the recorder answered HTTP " + response.statusCode() + " without a result");
        }
        return new Reply(Boolean.parseBoolean(fields.get("success")), fields.getOrDefault("comment", ""));
    }

    /** Opens the recorder's live audio stream; the caller reads and closes it. */
    HttpResponse<InputStream> stream(Recorder recorder, int port, String query) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host(recorder) + ":" + port + "/?" + query));
        if (!token.isEmpty()) {
            request.header("X-Oreka-Token", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private static String host(Recorder recorder) {
        String host = recorder.hostname() == null || recorder.hostname().isBlank() ? "localhost" : recorder.hostname();
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
