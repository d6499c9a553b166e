package org.oreka.track.ondemand.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

import org.oreka.protocol.Command;
import org.oreka.protocol.CommandRequest;
import org.oreka.protocol.CommandResponse;
import org.oreka.track.ondemand.RecorderRelay;
import org.oreka.track.storage.TrackException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code cmd=ondemand&type=record|pause|resume|stop|streamaudio&localparty=|orkuid=}: relays the command through
 * the {@link RecorderRelay} to the recorder that holds the call, and streams its live audio through.
 */
@Component(service = Command.class,
        property = {Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_TRACKER, Command.PROPERTY_NAME + "=ondemand"})
public class OnDemandCommand implements Command {

    static final String RESPONSE = "ondemandresponse";
    private static final List<String> CONTROLS = List.of("record", "pause", "resume", "stop");

    private final RecorderRelay relay;

    @Activate
    public OnDemandCommand(@Reference RecorderRelay relay) {
        this.relay = relay;
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
        if (type.equals("streamaudio")) {
            return stream(request, orkuid, localParty);
        }
        RecorderRelay.Result result = relay.control(RecorderRelay.Control.valueOf(type.toUpperCase(Locale.ROOT)), orkuid,
                localParty, request.get("side").orElse(null));
        return result.success()
                ? CommandResponse.success(RESPONSE, result.comment()).with("returncode", "NO_ERROR").with("recorder", result.recorder())
                : failure(result.returnCode(), result.comment());
    }

    private CommandResponse stream(CommandRequest request, String orkuid, String localParty) {
        RecorderRelay.LiveAudio audio;
        try {
            audio = relay.listen(orkuid, localParty, request.get("stereo").map(Boolean::parseBoolean).orElse(false),
                    request.get("format").map(f -> f.trim().equalsIgnoreCase("wav")).orElse(false));
        } catch (TrackException e) {
            return failure(e.returnCode(), e.getMessage());
        }
        return CommandResponse.streaming(RESPONSE, new CommandResponse.Stream() {
            @Override
            public String contentType() {
                return audio.contentType();
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                try (audio; InputStream in = audio.body()) {
                    byte[] buffer = new byte[4096];
                    for (int n; (n = in.read(buffer)) >= 0;) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
            }
        });
    }

    private static CommandResponse failure(String code, String comment) {
        return CommandResponse.failure(RESPONSE, "Error: " + code + ": " + comment).with("returncode", code);
    }
}
