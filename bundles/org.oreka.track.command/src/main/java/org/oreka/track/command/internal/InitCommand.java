package org.oreka.track.command.internal;

import org.oreka.protocol.Command;
import org.oreka.protocol.CommandRequest;
import org.oreka.protocol.CommandResponse;
import org.oreka.track.storage.Recorder;
import org.oreka.track.storage.RecorderRegistration;
import org.oreka.track.storage.Recorders;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code type=init}: a recorder introduces itself (name, host, command and streaming ports, where its files are)
 * before it reports; OrkTrack registers it so that on-demand commands and live status can reach it.
 */
@Component(service = Command.class, property = {Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_TRACKER, Command.PROPERTY_NAME + "=init"})
public class InitCommand extends TrackCommand {

    private final Recorders recorders;

    @Activate
    public InitCommand(@Reference Recorders recorders) {
        this.recorders = recorders;
    }

    @Override
    String responseClass() {
        return "simpleresponse";
    }

    @Override
    CommandResponse run(CommandRequest request) {
        Integer tcpPort = Parameters.port(request, "tcpport");
        Integer streamingPort = Parameters.port(request, "streamingport");
        Integer fileServePort = Parameters.port(request, "fileserveport");
        Recorder recorder = recorders.register(new RecorderRegistration(Parameters.required(request, "name"),
                Parameters.text(request, "hostname"), Parameters.text(request, "servicetype"), tcpPort == null ? 0 : tcpPort,
                streamingPort == null ? 0 : streamingPort, Parameters.text(request, "protocol"),
                fileServePort == null ? 0 : fileServePort, Parameters.text(request, "contextpath"),
                Parameters.text(request, "servepath"), Parameters.text(request, "absolutepath")));
        return ok("registered " + recorder.name());
    }
}
