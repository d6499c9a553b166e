package org.oreka.track.command.internal;

import org.oreka.protocol.Command;
import org.oreka.protocol.CommandRequest;
import org.oreka.protocol.CommandResponse;
import org.osgi.service.component.annotations.Component;

/** {@code cmd=ping}: tells the caller OrkTrack is alive. */
@Component(property = {Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_TRACKER, Command.PROPERTY_NAME + "=ping"})
public class PingCommand implements Command {

    @Override
    public CommandResponse execute(CommandRequest request) {
        return CommandResponse.success("simpleresponse", "pong");
    }
}
