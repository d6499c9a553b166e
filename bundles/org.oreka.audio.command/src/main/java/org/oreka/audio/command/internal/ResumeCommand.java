package org.oreka.audio.command.internal;

import org.oreka.audio.session.RecordingControl;
import org.oreka.protocol.Command;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code type=resume}: keeps a paused call's audio again, in the same recording. */
@Component(service = Command.class,
        property = {Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_RECORDER, Command.PROPERTY_NAME + "=resume"})
public class ResumeCommand extends RecordingControlCommand {

    @Activate
    public ResumeCommand(@Reference RecordingControl control) {
        super("resume", "Resuming capture", control::resume);
    }
}
