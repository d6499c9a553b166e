package org.oreka.track.screen.internal.fake;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.oreka.track.storage.AgentLogin;
import org.oreka.track.storage.AgentTracking;
import org.oreka.track.storage.Workstation;

/** Agent logins held in maps, by device and by workstation. */
public final class FakeAgentTracking implements AgentTracking {

    private final Map<String, AgentLogin> byDevice = new ConcurrentHashMap<>();
    private final Map<String, Workstation> workstations = new ConcurrentHashMap<>();

    @Override
    public AgentLogin login(String agent, String device, String agentGroup, String workstation, Integer rfbPort) {
        AgentLogin login = new AgentLogin(agent, device, agentGroup, workstation, rfbPort, Instant.now());
        byDevice.put(device, login);
        return login;
    }

    @Override
    public int logout(String agent, String device, String workstation, Integer rfbPort) {
        return byDevice.remove(device) == null ? 0 : 1;
    }

    @Override
    public Optional<AgentLogin> atDevice(String device) {
        return Optional.ofNullable(byDevice.get(device));
    }

    @Override
    public Optional<AgentLogin> ofAgent(String agent) {
        return byDevice.values().stream().filter(l -> l.agent().equals(agent)).findFirst();
    }

    @Override
    public List<AgentLogin> current() {
        return List.copyOf(byDevice.values());
    }

    @Override
    public Workstation saveWorkstation(String name, String hostname, int rfbPort) {
        Workstation w = new Workstation(workstations.size() + 1, name, hostname, rfbPort);
        workstations.put(hostname, w);
        return w;
    }

    @Override
    public Optional<Workstation> workstation(String hostname) {
        return Optional.ofNullable(workstations.get(hostname));
    }

    @Override
    public List<Workstation> workstations() {
        return List.copyOf(workstations.values());
    }

    @Override
    public void deleteWorkstation(long id) {
        workstations.values().removeIf(w -> w.id() == id);
    }
}
