package org.oreka.track.storage;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Which agent works at which device and workstation ({@code cmd=agentstate}). An agent is logged in at one
 * device and one workstation at most: a new login moves it; a device serves one agent, and a workstation one
 * agent per VNC port.
 */
@ProviderType
public interface AgentTracking {

    /**
     * Logs an agent in at a device and/or a workstation.
     *
     * @throws TrackException ERROR_MISSING_PARAMETER when there is no device and no workstation,
     *         ERROR_WORKSTATION_NOT_FOUND when the workstation is not configured
     */
    AgentLogin login(String agent, String device, String agentGroup, String workstation, Integer rfbPort);

    /**
     * Logs out whoever matches: the agent (when given) at the device, and/or at the workstation (and VNC port,
     * when given).
     *
     * @return how many logins ended
     */
    int logout(String agent, String device, String workstation, Integer rfbPort);

    /** The agent logged in at a device. */
    Optional<AgentLogin> atDevice(String device);

    /** Where an agent is logged in. */
    Optional<AgentLogin> ofAgent(String agent);

    /** Every current login. */
    List<AgentLogin> current();

    /** Adds or updates a workstation (OrkWeb administration). */
    Workstation saveWorkstation(String name, String hostname, int rfbPort);

    /** Every workstation, by name. */
    List<Workstation> workstations();

    /**
     * Deletes a workstation.
     *
     * @throws TrackException ERROR_WORKSTATION_NOT_FOUND, or ERROR_WORKSTATION_IN_USE while an agent is logged in at it
     */
    void deleteWorkstation(long id);

    /** The workstation with that host name. */
    Optional<Workstation> workstation(String hostname);
}
