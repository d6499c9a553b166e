package org.oreka.rfb.internal;

import org.oreka.protocol.Command;
import org.oreka.protocol.CommandRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code type=startrfb}: starts recording an agent's screen for a call, or resumes its paused recording. */
@Component(service = Command.class,
        property = {Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_SCREEN_RECORDER, Command.PROPERTY_NAME + "=startrfb"})
public class StartRfbCommand extends RfbCommand {

    @Activate
    public StartRfbCommand(@Reference ScreenRecorder recorder) {
        super("startrfb", recorder);
    }

    @Override
    ScreenRecorder.Outcome run(CommandRequest request, String orkuid) {
        return recorder.start(target(request, orkuid));
    }
}
