package org.oreka.protocol.tracker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.oreka.protocol.SingleLine;

/**
 * One OrkTrack of a {@code TrackerHostname} list: its address, parsed from {@code [http(s)://]host[:port][/service]} with
 * Oreka's defaults, and the HTTP exchange of one message with it.
 */
public final class Tracker {

    /** A tracker's answer: the HTTP status and the single-line fields of the body (empty unless 200). */
    public record Reply(int status, Map<String, String> fields) {
        /**
         * 200 means the tracker has the message; so does 400, OrkTrack's answer to a message it can never accept
         * (Oreka ignores it too). Anything else (404 while OrkTrack is being deployed, 5xx) is sent again.
         */
        public boolean delivered() {
            return status == 200 || status == 400;
        }
    }

    private final String scheme;
    private final String host;
    private final int port;
    private final String service;
    private final HttpClient http;
    private final Duration timeout;

    private Tracker(String scheme, String host, int port, String service, Duration timeout) {
        this.scheme = scheme;
        this.host = host;
        this.port = port;
        this.service = service;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /**
     * Parses one entry of {@code TrackerHostname}.
     *
     * @throws IllegalArgumentException naming what is wrong with it
     */
    public static Tracker parse(String entry, int defaultPort, int defaultTlsPort, String defaultService, Duration timeout) {
        String rest = entry.strip();
        String scheme = "http";
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://")) {
            scheme = "https";
            rest = rest.substring("https://".length());
        } else if (lower.startsWith("http://")) {
            rest = rest.substring("http://".length());
        }
        String service = defaultService;
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            service = rest.substring(slash + 1).replaceAll("/+$", "");
            rest = rest.substring(0, slash);
        }
        int port = scheme.equals("https") ? defaultTlsPort : defaultPort;
        int colon = rest.lastIndexOf(':');
        if (colon >= 0 && rest.indexOf(']') < colon) {
            try {
                port = Integer.parseInt(rest.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("tracker '" + entry + "': the port is not a number");
            }
            rest = rest.substring(0, colon);
        }
        if (rest.isEmpty() || port <= 0 || port > 65535 || !service.matches("[A-Za-z0-9._~/-]*")) {
            throw new IllegalArgumentException("tracker '" + entry + "' is not [http(s)://]host[:port][/service]");
        }
        return new Tracker(scheme, rest, port, service, timeout);
    }

    /** The name used in messages.log and for this tracker's queue position: {@code host:port/service}. */
    public String name() {
        return host + ":" + port + "/" + service;
    }

    /** A name for files: the tracker's name with anything but letters, digits, dots and dashes replaced. */
    public String fileName() {
        return name().replaceAll("[^A-Za-z0-9.-]", "_");
    }

    /** Sends one URL-form message and returns the answer. */
    public Reply send(String urlForm) throws IOException, InterruptedException {
        URI uri = URI.create(scheme + "://" + host + ":" + port + "/" + service + "/command?" + urlForm);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.statusCode() == 200 ? SingleLine.parse(response.body()) : Map.of());
    }
}
