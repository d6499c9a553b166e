package org.oreka.audio.command.internal;

import org.oreka.audio.session.RecordingControl;
import org.oreka.protocol.Command;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code type=pause}: stops keeping a live call's audio until resume or record. */
@Component(service = Command.class,
        property = {Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_RECORDER, Command.PROPERTY_NAME + "=pause"})
public class PauseCommand extends RecordingControlCommand {

    @Activate
    public PauseCommand(@Reference RecordingControl control) {
        super("pause", "Pausing capture", control::pause);
    }
}
