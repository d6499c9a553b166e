package org.oreka.track.command.internal;

import org.oreka.protocol.Command;
import org.oreka.track.storage.LiveDecision;
import org.oreka.track.storage.LiveMonitoring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code cmd=keep}: the Live Monitoring button that sets a user's call to KEEP. */
@Component(service = Command.class,
        property = {Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_TRACKER, Command.PROPERTY_NAME + "=keep"})
public class KeepCommand extends LiveDecisionCommand {

    @Activate
    public KeepCommand(@Reference LiveMonitoring monitoring) {
        super(monitoring, LiveDecision.KEEP);
    }
}
