package org.oreka.audio.livestream.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oreka.audio.session.CallSelector;
import org.oreka.audio.session.LiveAudio;
import org.oreka.audio.session.LiveAudioSink;
import org.oreka.audio.session.LiveAudioTap;
import org.oreka.sdk.codec.AudioCodec;
import org.oreka.sdk.tape.SessionDTO;

/** The live audio port over HTTP, with a recorder that has one call, party 5002, and the PCMU codec. */
class LiveAudioServerTest {

    /** A recorder with one live call whose sink the test drives. */
    private static final class OneCall implements LiveAudio {
        final CompletableFuture<LiveAudioSink> sink = new CompletableFuture<>();
        volatile boolean closed;

        @Override
        public Optional<LiveAudioTap> tap(CallSelector call, LiveAudioSink listener) {
            if (!call.matches("5002") && !call.matches("orkuid-1")) {
                return Optional.empty();
            }
            sink.complete(listener);
            SessionDTO dto = new SessionDTO();
            dto.orkuid = "orkuid-1";
            return Optional.of(new LiveAudioTap() {
                @Override
                public SessionDTO call() {
                    return dto;
                }

                @Override
                public void close() {
                    closed = true;
                }
            });
        }
    }

    private final OneCall recorder = new OneCall();
    private final LiveAudioServer server = new LiveAudioServer(recorder, config("127.0.0.0/8, ::1", ""));
    private final HttpClient http = HttpClient.newHttpClient();

    {
        server.bindCodec(LiveMixerTest.PCMU, Map.of(AudioCodec.PROPERTY_NAME, "PCMU"));
    }

    @AfterEach
    void stop() {
        server.deactivate();
    }

    private HttpResponse<InputStream> get(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/?" + query)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    @Test
    void aCallStreamsAsStereoPcmUntilItEnds() throws Exception {
        CompletableFuture<HttpResponse<InputStream>> response = CompletableFuture.supplyAsync(() -> {
            try {
                return get("type=stream&localparty=5002&stereo=true");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        LiveAudioSink sink = recorder.sink.get(5, TimeUnit.SECONDS);
        for (int i = 0; i < 50; i++) {
            sink.audio(1, 0, null, 160L * i, LiveMixerTest.packet((short) 1000), 0, 160);
            sink.audio(2, 0, null, 9000 + 160L * i, LiveMixerTest.packet((short) -1000), 0, 160);
        }
        sink.ended();
        HttpResponse<InputStream> r = response.get(5, TimeUnit.SECONDS);
        assertEquals(200, r.statusCode());
        assertEquals("orkuid-1", r.headers().firstValue("X-Oreka-Orkuid").orElseThrow());
        byte[] pcm = r.body().readAllBytes();
        assertEquals(50 * 160 * 4, pcm.length, "one second of 8 kHz 16-bit stereo");
        short left = (short) ((pcm[400] & 0xFF) | (pcm[401] << 8));
        short right = (short) ((pcm[402] & 0xFF) | (pcm[403] << 8));
        assertTrue(left > 900 && right < -900, left + " / " + right);
        assertTrue(recorder.closed, "the tap is closed after the stream");
    }

    @Test
    void formatWavPutsAStreamingHeaderFirst() throws Exception {
        CompletableFuture<HttpResponse<InputStream>> response = CompletableFuture.supplyAsync(() -> {
            try {
                return get("type=stream&recid=orkuid-1&format=wav");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        LiveAudioSink sink = recorder.sink.get(5, TimeUnit.SECONDS);
        sink.audio(1, 0, null, 0, LiveMixerTest.packet((short) 1000), 0, 160);
        sink.ended();
        HttpResponse<InputStream> r = response.get(5, TimeUnit.SECONDS);
        assertEquals("audio/wav", r.headers().firstValue("Content-Type").orElseThrow());
        byte[] body = r.body().readAllBytes();
        assertEquals(44 + 320, body.length);
        assertArrayEquals("RIFF".getBytes(), Arrays.copyOf(body, 4));
        assertEquals(1, body[22], "mono");
    }

    @Test
    void unknownCallsMissingParametersOtherCommandsAndStrangersAreRefused() throws Exception {
        assertEquals(404, get("type=stream&localparty=9999").statusCode());
        assertEquals(400, get("type=stream").statusCode());
        assertEquals(404, get("type=ping").statusCode());
        LiveAudioServer guarded = new LiveAudioServer(recorder, config("127.0.0.0/8", "secret"));
        try {
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + guarded.port() + "/?type=stream&localparty=5002")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(403, r.statusCode(), "no token");
        } finally {
            guarded.deactivate();
        }
    }

    private static LiveAudioServer.Config config(String allowed, String token) {
        return new LiveAudioServer.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return LiveAudioServer.Config.class;
            }

            @Override
            public int LiveStreamingServerPort() {
                return 0;
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
