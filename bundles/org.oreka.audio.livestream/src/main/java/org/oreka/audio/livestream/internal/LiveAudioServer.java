package org.oreka.audio.livestream.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;

import org.oreka.audio.session.CallSelector;
import org.oreka.audio.session.CallSelector.Key;
import org.oreka.audio.session.LiveAudio;
import org.oreka.audio.session.LiveAudioTap;
import org.oreka.protocol.ClientGuard;
import org.oreka.protocol.CommandRequest;
import org.oreka.protocol.PlainHttpListener;
import org.oreka.sdk.codec.AudioCodec;
import org.oreka.sdk.codec.AudioCodecs;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves live audio on {@code LiveStreamingServerPort} (59120): {@code GET /?type=stream&localparty=5002} (or
 * {@code recid=<orkuid>}, which wins when both are given, or {@code nativecallid=}) streams the call in progress
 * as 8 kHz 16-bit little-endian PCM until it ends — both sides mixed, or with {@code stereo=true} side 1 left and
 * side 2 right; {@code format=wav} puts a WAV header first so that a browser plays the stream.
 */
@Component(service = {}, configurationPid = "org.oreka.audio", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = LiveAudioServer.Config.class)
public class LiveAudioServer {

    static final int MAX_LISTENERS = 64;
    private static final Logger LOG = LoggerFactory.getLogger(LiveAudioServer.class);
    /** The parameters that name the call, the first present wins. */
    private static final List<Map.Entry<String, Key>> CALL_PARAMETERS = List.of(Map.entry("recid", Key.ORKUID),
            Map.entry("orkuid", Key.ORKUID), Map.entry("localparty", Key.PARTY), Map.entry("party", Key.PARTY),
            Map.entry("nativecallid", Key.NATIVE_CALL_ID));

    @ObjectClassDefinition(name = "Oreka live audio stream")
    public @interface Config {
        @AttributeDefinition(description = "TCP port of the live audio stream")
        int LiveStreamingServerPort() default 59120;

        @AttributeDefinition(description = "Addresses (CIDR list) allowed to listen")
        String AllowedClients() default ClientGuard.DEFAULT_ALLOWED_CLIENTS;

        @AttributeDefinition(description = "Shared token listeners must send as token=... or X-Oreka-Token; empty for none")
        String ApiToken() default "";
    }

    private final LiveAudio liveAudio;
    private final AudioCodecs codecs = new AudioCodecs();
    private final PlainHttpListener listener = new PlainHttpListener("orkaudio-live-audio", this::stream);
    private final AtomicInteger listeners = new AtomicInteger();
    private volatile ClientGuard guard;

    @Activate
    public LiveAudioServer(@Reference LiveAudio liveAudio, Config config) {
        this.liveAudio = liveAudio;
        configure(config);
    }

    @Modified
    void configure(Config config) {
        guard = ClientGuard.fromConfiguration("the live audio stream", config.AllowedClients(), config.ApiToken());
        listener.bindOrLog(config.LiveStreamingServerPort(), "LiveStreamingServerPort");
    }

    @Deactivate
    void deactivate() {
        listener.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindCodec(AudioCodec codec, Map<String, Object> properties) {
        codecs.bind(codec, properties);
    }

    void unbindCodec(AudioCodec codec) {
        codecs.unbind(codec);
    }

    /** The port listened on, or -1; for tests. */
    int port() {
        return listener.port();
    }

    private void stream(HttpExchange exchange) throws IOException {
        try (exchange) {
            CommandRequest request = CommandRequest.parse(exchange.getRequestURI().getRawQuery(),
                    exchange.getRemoteAddress().getAddress(), "type");
            String refusal = PlainHttpListener.refusal(guard, exchange, request);
            if (refusal != null) {
                LOG.warn("Refused a live audio listener: {}", refusal);
                PlainHttpListener.sendError(exchange, 403, refusal);
                return;
            }
            if (!request.name().isEmpty() && !request.name().equals("stream")) {
                PlainHttpListener.sendError(exchange, 404, "Command not found:" + request.name() + " (this port serves type=stream)");
                return;
            }
            Optional<CallSelector> call = selector(request);
            if (call.isEmpty()) {
                PlainHttpListener.sendError(exchange, 400, "give the call: recid, localparty or nativecallid");
                return;
            }
            if (listeners.incrementAndGet() > MAX_LISTENERS) {
                listeners.decrementAndGet();
                PlainHttpListener.sendError(exchange, 503, "the live audio stream has " + MAX_LISTENERS + " listeners already");
                return;
            }
            try {
                boolean stereo = request.get("stereo").map(v -> v.trim().equalsIgnoreCase("true")).orElse(false);
                boolean wav = request.get("format").map(v -> v.trim().equalsIgnoreCase("wav")).orElse(false);
                LiveListener live = new LiveListener();
                Optional<LiveAudioTap> tap = liveAudio.tap(call.get(), live);
                if (tap.isEmpty()) {
                    PlainHttpListener.sendError(exchange, 404, "no live call for " + call.get());
                    return;
                }
                try (LiveAudioTap open = tap.get()) {
                    send(exchange, open, live, new LiveMixer(codecs::forFormat, stereo), stereo, wav);
                }
            } finally {
                listeners.decrementAndGet();
            }
        }
    }

    /** Streams until the call ends or the listener goes away. */
    private static void send(HttpExchange exchange, LiveAudioTap tap, LiveListener live, LiveMixer mixer, boolean stereo,
            boolean wav) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", wav ? "audio/wav" : "application/octet-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Oreka-Orkuid", tap.call().orkuid);
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        if (wav) {
            out.write(StreamingWavHeader.of(LiveMixer.RATE, stereo ? 2 : 1));
        }
        out.flush();
        try {
            while (true) {
                LiveListener.Payload payload = live.take(1000);
                // Drained after every payload: a burst (a listener behind, a capture file replayed fast) never
                // overfills the mixer's sides.
                for (; payload != null; payload = live.poll()) {
                    mixer.add(payload.side(), payload.payloadType(), payload.rtpmap(), payload.rtpTimestamp(),
                            payload.bytes());
                    out.write(mixer.drain(false));
                }
                boolean end = live.callEnded();
                out.write(mixer.drain(end));
                out.flush();
                if (end) {
                    break;
                }
            }
        } catch (IOException e) {
            // the listener went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            mixer.close();
            if (live.dropped() > 0) {
                LOG.warn("Live audio listener {} of {} read too slowly: {} packets were dropped",
                        exchange.getRemoteAddress(), tap.call().orkuid, live.dropped());
            }
            if (!mixer.missingCodecs().isEmpty()) {
                LOG.warn("Live audio of {}: no codec installed for {}; that audio was left out", tap.call().orkuid,
                        mixer.missingCodecs());
            }
        }
    }

    /** The call a request names: by recid (orkuid), else local party, else native call id. */
    static Optional<CallSelector> selector(CommandRequest request) {
        for (Map.Entry<String, Key> parameter : CALL_PARAMETERS) {
            Optional<String> value = request.get(parameter.getKey()).map(String::trim).filter(v -> !v.isEmpty());
            if (value.isPresent()) {
                return Optional.of(new CallSelector(parameter.getValue(), value.get()));
            }
        }
        return Optional.empty();
    }
}
