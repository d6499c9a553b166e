package org.oreka.audio.command.internal;

import org.oreka.audio.session.RecordingControl;
import org.oreka.protocol.Command;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code type=record}: starts keeping a live call's audio (on-demand recording), with the sides given by side. */
@Component(service = Command.class,
        property = {Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_RECORDER, Command.PROPERTY_NAME + "=record"})
public class RecordCommand extends RecordingControlCommand {

    @Activate
    public RecordCommand(@Reference RecordingControl control) {
        super("record", "Starting capture", control::record);
    }
}
