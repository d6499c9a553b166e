package org.oreka.track.command.internal;

import java.util.Locale;

import org.oreka.protocol.Command;
import org.oreka.protocol.CommandRequest;
import org.oreka.protocol.CommandResponse;
import org.oreka.track.storage.AgentLogin;
import org.oreka.track.storage.AgentTracking;
import org.oreka.track.storage.TrackException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code cmd=agentstate&state=login|logout}: logs an agent in or out at a device (for recordings) and/or a
 * workstation (for screen recordings), following the spec's agent tracking rules.
 */
@Component(service = Command.class, property = {Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_TRACKER, Command.PROPERTY_NAME + "=agentstate"})
public class AgentStateCommand extends TrackCommand {

    private final AgentTracking agents;

    @Activate
    public AgentStateCommand(@Reference AgentTracking agents) {
        this.agents = agents;
    }

    @Override
    String responseClass() {
        return "agentstateresponse";
    }

    @Override
    CommandResponse run(CommandRequest request) {
        String state = Parameters.required(request, "state").toLowerCase(Locale.ROOT);
        String agent = Parameters.text(request, "agent");
        String device = Parameters.text(request, "device");
        String workstation = Parameters.text(request, "workstation");
        Integer rfbPort = Parameters.port(request, "rfbport");
        switch (state) {
            case "login":
                AgentLogin login = agents.login(agent, device, Parameters.text(request, "agentgroup"), workstation, rfbPort);
                return ok("").with("agent", login.agent()).with("device", login.device())
                        .with("workstation", login.workstation());
            case "logout":
                int ended = agents.logout(agent, device, workstation, rfbPort);
                return ok(ended + " logged out");
            default:
                throw new TrackException(Parameters.INVALID, "state must be login or logout, not '" + state + "'");
        }
    }
}
