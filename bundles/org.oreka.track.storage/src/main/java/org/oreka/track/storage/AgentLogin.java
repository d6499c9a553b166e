package org.oreka.track.storage;

import java.time.Instant;

/**
 * An agent logged in at a device and/or a workstation.
 *
 * @param agent the agent's id (a login string of a user, usually)
 * @param device the extension the agent uses, or null
 * @param agentGroup the agent's ACD group, or null
 * @param workstation the host name of the agent's workstation, or null
 * @param rfbPort the VNC port of the agent's screen on that workstation, or null
 * @param loginTime when the agent logged in
 */
public record AgentLogin(String agent, String device, String agentGroup, String workstation, Integer rfbPort,
        Instant loginTime) {
}
