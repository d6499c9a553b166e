package org.oreka.rfb.internal;

import org.oreka.protocol.Command;
import org.oreka.protocol.CommandRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code type=stoprfb}: ends a call's screen recording and finishes its video. */
@Component(service = Command.class,
        property = {Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_SCREEN_RECORDER, Command.PROPERTY_NAME + "=stoprfb"})
public class StopRfbCommand extends RfbCommand {

    @Activate
    public StopRfbCommand(@Reference ScreenRecorder recorder) {
        super("stoprfb", recorder);
    }

    @Override
    ScreenRecorder.Outcome run(CommandRequest request, String orkuid) {
        return recorder.stop(orkuid);
    }
}
