package org.oreka.track.command.internal;

import org.oreka.protocol.Command;
import org.oreka.track.storage.LiveDecision;
import org.oreka.track.storage.LiveMonitoring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code cmd=neither}: the Live Monitoring button that sets a user's call to NEITHER. */
@Component(service = Command.class,
        property = {Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_TRACKER, Command.PROPERTY_NAME + "=neither"})
public class NeitherCommand extends LiveDecisionCommand {

    @Activate
    public NeitherCommand(@Reference LiveMonitoring monitoring) {
        super(monitoring, LiveDecision.NEITHER);
    }
}
