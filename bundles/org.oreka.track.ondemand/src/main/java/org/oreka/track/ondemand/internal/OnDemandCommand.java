package org.oreka.track.ondemand.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.oreka.protocol.Command;
import org.oreka.protocol.CommandRequest;
import org.oreka.protocol.CommandResponse;
import org.oreka.protocol.UrlForm;
import org.oreka.track.storage.LiveCall;
import org.oreka.track.storage.LiveCalls;
import org.oreka.track.storage.Recorder;
import org.oreka.track.storage.Recorders;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code cmd=ondemand&type=record|pause|resume|stop|streamaudio&localparty=|orkuid=}: finds the recorder that holds
 * the party's live call or the recording (from its tape messages) and relays the command to it, as spec chapter 3
 * recommends; when OrkTrack does not know the call, every registered audio recorder is asked. Live audio is
 * streamed through from the recorder's streaming port.
 */
@Component(configurationPid = "org.oreka.track",
        property = {Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_TRACKER, Command.PROPERTY_NAME + "=ondemand"})
public class OnDemandCommand implements Command {

    static final String RESPONSE = "ondemandresponse";
    private static final Logger LOG = LoggerFactory.getLogger(OnDemandCommand.class);
    private static final List<String> CONTROLS = List.of("record", "pause", "resume", "stop");
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
    public OnDemandCommand(@Reference LiveCalls liveCalls, @Reference Recorders recorders, Config config) {
        this.liveCalls = liveCalls;
        this.recorders = recorders;
        configure(config);
    }

    @Modified
    void configure(Config config) {
        client = new RecorderClient(Duration.ofSeconds(Math.max(1, config.RecorderTimeoutSec())), config.RecorderApiToken());
    }

    @Override
    public CommandResponse execute(CommandRequest request) {
        String type = request.get("type", "").trim().toLowerCase(Locale.ROOT);
        String localParty = request.get("localparty").map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        String orkuid = request.get("orkuid").map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        if (!CONTROLS.contains(type) && !type.equals("streamaudio")) {
            return failure("ERROR_INVALID_PARAMETER", "type must be record, pause, resume, stop or streamaudio, not '" + type + "'");
        }
        if (localParty == null && orkuid == null) {
            return failure("ERROR_MISSING_PARAMETER", "give the localparty or the orkuid");
        }
        Optional<LiveCall> call = orkuid != null ? liveCalls.byOrkuid(orkuid) : liveCalls.byLocalParty(localParty);
        List<Recorder> targets = targets(call);
        if (targets.isEmpty()) {
            return failure("ERROR_NO_RECORDER", "no recorder is registered with OrkTrack");
        }
        return type.equals("streamaudio") ? stream(request, call, localParty, orkuid, targets)
                : control(type, request, call, localParty, orkuid, targets);
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

    private CommandResponse control(String type, CommandRequest request, Optional<LiveCall> call, String localParty,
            String orkuid, List<Recorder> targets) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (orkuid != null) {
            parameters.put("orkuid", orkuid);
        } else {
            parameters.put("party", localParty);
        }
        parameters.put("side", request.get("side").filter(s -> !s.isBlank()).orElse("both"));
        List<String> answers = new ArrayList<>();
        for (Recorder recorder : targets) {
            try {
                RecorderClient.Reply reply = client.command(recorder, type, parameters);
                if (reply.success()) {
                    String acted = call.map(LiveCall::orkuid).orElse(orkuid);
                    if (acted != null && !type.equals("stop")) {
                        liveCalls.setPaused(acted, type.equals("pause"));
                    }
                    return CommandResponse.success(RESPONSE, reply.comment()).with("returncode", "NO_ERROR")
                            .with("recorder", recorder.name());
                }
                answers.add(recorder.name() + ": " + reply.comment());
            } catch (IOException e) {
                answers.add(recorder.name() + ": unreachable (" + e.getMessage() + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failure("ERROR_RECORDER_UNREACHABLE", "interrupted");
            }
        }
        LOG.info("On-demand {} for {} failed on every recorder: {}", type, orkuid != null ? orkuid : localParty, answers);
        return failure("ERROR_RECORDER_REFUSED", String.join("; ", answers));
    }

    private CommandResponse stream(CommandRequest request, Optional<LiveCall> call, String localParty, String orkuid,
            List<Recorder> targets) {
        StringBuilder query = new StringBuilder("type=stream");
        String party = localParty != null ? localParty : call.map(LiveCall::localParty).orElse(null);
        if (party != null) {
            query.append("&localparty=").append(UrlForm.encode(party));
        }
        String recid = orkuid != null ? orkuid : call.map(LiveCall::orkuid).orElse(null);
        if (recid != null) {
            query.append("&recid=").append(UrlForm.encode(recid));
        }
        for (String passed : List.of("stereo", "format")) {
            request.get(passed).ifPresent(value -> query.append("&").append(passed).append("=").append(UrlForm.encode(value)));
        }
        List<String> answers = new ArrayList<>();
        for (Recorder recorder : targets) {
            int port = recorder.streamingPort() > 0 ? recorder.streamingPort() : DEFAULT_STREAMING_PORT;
            try {
                HttpResponse<InputStream> response = client.stream(recorder, port, query.toString());
                if (response.statusCode() == 200) {
                    String type = response.headers().firstValue("Content-Type").orElse("application/octet-stream");
                    InputStream body = response.body();
                    return CommandResponse.streaming(RESPONSE, new CommandResponse.Stream() {
                        @Override
                        public String contentType() {
                            return type;
                        }

                        @Override
                        public void writeTo(OutputStream out) throws IOException {
                            try (InputStream in = body) {
                                byte[] buffer = new byte[4096];
                                for (int n; (n = in.read(buffer)) >= 0;) {
                                    out.write(buffer, 0, n);
                                    out.flush();
                                }
                            }
                        }
                    });
                }
                response.body().close();
                answers.add(recorder.name() + ": HTTP " + response.statusCode());
            } catch (IOException e) {
                answers.add(recorder.name() + ": no live audio on port " + port + " (" + e.getMessage() + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failure("ERROR_RECORDER_UNREACHABLE", "interrupted");
            }
        }
        return failure("ERROR_RECORDER_REFUSED", String.join("; ", answers));
    }

    private static CommandResponse failure(String code, String comment) {
        return CommandResponse.failure(RESPONSE, "Error: " + code + ": " + comment).with("returncode", code);
    }
}
