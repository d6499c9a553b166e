package org.oreka.rfb.internal;

import org.oreka.protocol.Command;
import org.oreka.protocol.CommandRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code type=pauserfb}: black frames instead of the screen until {@code startrfb} (card numbers stay off the video). */
@Component(service = Command.class,
        property = {Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_SCREEN_RECORDER, Command.PROPERTY_NAME + "=pauserfb"})
public class PauseRfbCommand extends RfbCommand {

    @Activate
    public PauseRfbCommand(@Reference ScreenRecorder recorder) {
        super("pauserfb", recorder);
    }

    @Override
    ScreenRecorder.Outcome run(CommandRequest request, String orkuid) {
        return recorder.pause(orkuid);
    }
}
