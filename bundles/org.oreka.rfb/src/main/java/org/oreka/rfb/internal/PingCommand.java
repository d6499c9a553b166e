package org.oreka.rfb.internal;

import org.oreka.protocol.Command;
import org.oreka.protocol.CommandRequest;
import org.oreka.protocol.CommandResponse;
import org.osgi.service.component.annotations.Component;

/** {@code type=ping}: tells the caller the screen recorder is alive. */
@Component(service = Command.class,
        property = {Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_SCREEN_RECORDER, Command.PROPERTY_NAME + "=ping"})
public class PingCommand implements Command {

    @Override
    public CommandResponse execute(CommandRequest request) {
        return CommandResponse.success("pingresponse", "");
    }
}
