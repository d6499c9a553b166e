package org.oreka.track.command.internal;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.oreka.protocol.Command;
import org.oreka.protocol.CommandRequest;
import org.oreka.protocol.CommandResponse;
import org.oreka.track.storage.LiveCall;
import org.oreka.track.storage.LiveMonitoring;
import org.oreka.track.storage.Recorder;
import org.oreka.track.storage.TrackException;
import org.oreka.track.storage.UserLiveStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code cmd=livestatus&users=...}: each user's live status in the spec's {@code userstatuses} formats:
 * {@code inactive--status--elapsed} and
 * {@code hostname--port!localparty--remoteparty--status--elapsed--orkuid--direction--side--paused--tags}, each
 * followed by {@code --diskSpaceUsedInKb} when the user disk quota feature is on.
 */
@Component(service = Command.class, configurationPid = TrackCommandServlet.PID,
        property = {Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_TRACKER, Command.PROPERTY_NAME + "=livestatus"})
public class LiveStatusCommand extends TrackCommand {

    /** The live audio port recorders use unless they said otherwise. */
    static final int DEFAULT_STREAMING_PORT = 59120;

    /** LiveStatus's part of OrkTrack's configuration. */
    public @interface Config {
        /** Whether the user disk quota feature is on (live status then reports each user's disk usage). */
        boolean UserDiskQuota() default false;
    }

    private final LiveMonitoring monitoring;
    private volatile boolean diskQuota;

    @Activate
    public LiveStatusCommand(@Reference LiveMonitoring monitoring, Config config) {
        this.monitoring = monitoring;
        configure(config);
    }

    @Modified
    void configure(Config config) {
        diskQuota = config.UserDiskQuota();
    }

    @Override
    String responseClass() {
        return "livestatusresponse";
    }

    @Override
    CommandResponse run(CommandRequest request) {
        List<String> users = Parameters.list(request, "users");
        if (users.isEmpty()) {
            throw new TrackException(Parameters.MISSING, "users is missing: give user ids or local parties separated by commas");
        }
        String statuses = monitoring.statuses(users, diskQuota).stream().map(this::format).collect(Collectors.joining(","));
        return ok("").with("userstatuses", statuses);
    }

    String format(UserLiveStatus status) {
        StringBuilder out = new StringBuilder();
        LiveCall call = status.call();
        if (call == null) {
            out.append("inactive--").append(status.status()).append("--").append(status.elapsedSeconds());
        } else {
            Recorder recorder = status.recorder();
            String host = recorder == null || recorder.hostname() == null ? "localhost" : recorder.hostname();
            int port = recorder == null || recorder.streamingPort() == 0 ? DEFAULT_STREAMING_PORT : recorder.streamingPort();
            out.append(host).append("--").append(port).append('!').append(status.localParty()).append("--")
                    .append(nullToEmpty(call.remoteParty())).append("--").append(status.status()).append("--")
                    .append(status.elapsedSeconds()).append("--").append(call.orkuid()).append("--")
                    .append(call.direction().name()).append("--")
                    .append(call.side() == null ? "both" : call.side().toLowerCase(Locale.ROOT)).append("--")
                    .append(call.paused() ? "PAUSED" : "REC");
            String tags = call.tags().stream().map(t -> t.type() + "-" + t.text()).collect(Collectors.joining(";"));
            if (!tags.isEmpty() || diskQuota) {
                out.append("--").append(tags);
            }
        }
        if (diskQuota) {
            out.append("--").append(status.diskSpaceUsedKb() == null ? "null" : status.diskSpaceUsedKb().toString());
        }
        return out.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
