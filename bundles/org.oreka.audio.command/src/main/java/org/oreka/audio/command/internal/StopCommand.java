package org.oreka.audio.command.internal;

import org.oreka.audio.session.RecordingControl;
import org.oreka.protocol.Command;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code type=stop}: ends a live call's recording; its later audio makes a new one. */
@Component(service = Command.class,
        property = {Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_RECORDER, Command.PROPERTY_NAME + "=stop"})
public class StopCommand extends RecordingControlCommand {

    @Activate
    public StopCommand(@Reference RecordingControl control) {
        super("stop", "Stopping capture", control::stop);
    }
}
