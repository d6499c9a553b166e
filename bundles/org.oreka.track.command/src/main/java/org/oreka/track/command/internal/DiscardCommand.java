package org.oreka.track.command.internal;

import org.oreka.protocol.Command;
import org.oreka.track.storage.LiveDecision;
import org.oreka.track.storage.LiveMonitoring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code cmd=discard}: the Live Monitoring button that sets a user's call to DROP. */
@Component(service = Command.class,
        property = {Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_TRACKER, Command.PROPERTY_NAME + "=discard"})
public class DiscardCommand extends LiveDecisionCommand {

    @Activate
    public DiscardCommand(@Reference LiveMonitoring monitoring) {
        super(monitoring, LiveDecision.DROP);
    }
}
