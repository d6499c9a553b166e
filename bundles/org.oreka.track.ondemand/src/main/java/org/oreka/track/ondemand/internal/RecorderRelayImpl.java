package org.oreka.track.ondemand.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.oreka.protocol.UrlForm;
import org.oreka.track.ondemand.RecorderRelay;
import org.oreka.track.storage.LiveCall;
import org.oreka.track.storage.LiveCalls;
import org.oreka.track.storage.Recorder;
import org.oreka.track.storage.Recorders;
import org.oreka.track.storage.TrackException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RecorderRelay}: finds the recorder that holds a live call (from its tape messages) and sends it the
 * command over its command API, or opens its live audio on its streaming port, as spec chapter 3 recommends.
 */
@Component(service = RecorderRelay.class, configurationPid = "org.oreka.track")
public class RecorderRelayImpl implements RecorderRelay {

    private static final Logger LOG = LoggerFactory.getLogger(RecorderRelayImpl.class);
    private static final int DEFAULT_STREAMING_PORT = 59120;

    /** The on-demand part of OrkTrack's configuration. */
    public @interface Config {
        /** Seconds to wait for a recorder's answer. */
        int RecorderTimeoutSec() default 5;

        /** The token recorders require (their ApiToken), sent as X-Oreka-Token; empty for none. */
        String RecorderApiToken() default "";
    }

    private final LiveCalls liveCalls;
    private final Recorders recorders;
    private volatile RecorderClient client;

    @Activate
    public RecorderRelayImpl(@Reference LiveCalls liveCalls, @Reference Recorders recorders, Config config) {
        this.liveCalls = liveCalls;
        this.recorders = recorders;
        configure(config);
    }

    @Modified
    void configure(Config config) {
        client = new RecorderClient(Duration.ofSeconds(Math.max(1, config.RecorderTimeoutSec())), config.RecorderApiToken());
    }

    @Override
    public Result control(Control control, String orkuid, String localParty, String side) {
        Optional<LiveCall> call = call(orkuid, localParty);
        List<Recorder> targets = targets(call);
        if (targets.isEmpty()) {
            return new Result(false, "ERROR_NO_RECORDER", "no recorder is registered with OrkTrack", null);
        }
        String type = control.name().toLowerCase(Locale.ROOT);
        Map<String, String> parameters = new LinkedHashMap<>();
        if (orkuid != null) {
            parameters.put("orkuid", orkuid);
        } else {
            parameters.put("party", localParty);
        }
        parameters.put("side", side == null || side.isBlank() ? "both" : side);
        List<String> answers = new ArrayList<>();
        for (Recorder recorder : targets) {
            try {
                RecorderClient.Reply reply = client.command(recorder, type, parameters);
                if (reply.success()) {
                    String acted = call.map(LiveCall::orkuid).orElse(orkuid);
                    if (acted != null && control != Control.STOP) {
                        liveCalls.setPaused(acted, control == Control.PAUSE);
                    }
                    return new Result(true, "NO_ERROR", reply.comment(), recorder.name());
                }
                answers.add(recorder.name() + ": " + reply.comment());
            } catch (IOException e) {
                answers.add(recorder.name() + ": unreachable (" + e.getMessage() + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(false, "ERROR_RECORDER_UNREACHABLE", "interrupted", null);
            }
        }
        LOG.info("On-demand {} for {} failed on every recorder: {}", type, orkuid != null ? orkuid : localParty, answers);
        return new Result(false, "ERROR_RECORDER_REFUSED", String.join("; ", answers), null);
    }

    @Override
    public LiveAudio listen(String orkuid, String localParty, boolean stereo, boolean wav) {
        Optional<LiveCall> call = call(orkuid, localParty);
        List<Recorder> targets = targets(call);
        if (targets.isEmpty()) {
            throw new TrackException("ERROR_NO_RECORDER", "no recorder is registered with OrkTrack");
        }
        StringBuilder query = new StringBuilder("type=stream");
        String party = localParty != null ? localParty : call.map(LiveCall::localParty).orElse(null);
        if (party != null) {
            query.append("&localparty=").append(UrlForm.encode(party));
        }
        String recid = orkuid != null ? orkuid : call.map(LiveCall::orkuid).orElse(null);
        if (recid != null) {
            query.append("&recid=").append(UrlForm.encode(recid));
        }
        if (stereo) {
            query.append("&stereo=true");
        }
        if (wav) {
            query.append("&format=wav");
        }
        List<String> answers = new ArrayList<>();
        for (Recorder recorder : targets) {
            int port = recorder.streamingPort() > 0 ? recorder.streamingPort() : DEFAULT_STREAMING_PORT;
            try {
                HttpResponse<InputStream> response = client.stream(recorder, port, query.toString());
                if (response.statusCode() == 200) {
                    String type = response.headers().firstValue("Content-Type").orElse("application/octet-stream");
                    InputStream body = response.body();
                    return new LiveAudio() {
                        @Override
                        public String contentType() {
                            return type;
                        }

                        @Override
                        public InputStream body() {
                            return body;
                        }

                        @Override
                        public void close() throws IOException {
                            body.close();
                        }
                    };
                }
                response.body().close();
                answers.add(recorder.name() + ": HTTP " + response.statusCode());
            } catch (IOException e) {
                answers.add(recorder.name() + ": no live audio on port " + port + " (" + e.getMessage() + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TrackException("ERROR_RECORDER_UNREACHABLE", "interrupted");
            }
        }
        throw new TrackException("ERROR_RECORDER_REFUSED", String.join("; ", answers));
    }

    private Optional<LiveCall> call(String orkuid, String localParty) {
        return orkuid != null ? liveCalls.byOrkuid(orkuid) : liveCalls.byLocalParty(localParty);
    }

    /** The recorder holding the call, or every audio recorder when OrkTrack does not know the call. */
    private List<Recorder> targets(Optional<LiveCall> call) {
        if (call.isPresent() && call.get().recorder() != null) {
            Optional<Recorder> holder = recorders.byName(call.get().recorder()).filter(r -> r.tcpPort() > 0);
            if (holder.isPresent()) {
                return List.of(holder.get());
            }
        }
        return recorders.all().stream().filter(r -> r.tcpPort() > 0 && !"SCREEN".equals(r.serviceClass())).toList();
    }
}
