package org.oreka.track.storage.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.persistence.EntityManager;

import org.oreka.track.storage.AgentLogin;
import org.oreka.track.storage.AgentTracking;
import org.oreka.track.storage.TrackException;
import org.oreka.track.storage.Workstation;
import org.oreka.track.storage.internal.entity.AgentLoginEntity;
import org.oreka.track.storage.internal.entity.WorkstationEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Agent logins in {@code orkagentlogin}, with the current ones in memory so that every recording can be given to
 * the agent at its device without a query. One login row per agent holds its device and workstation; the row
 * ends when the agent has neither.
 */
@Component(service = {AgentTracking.class, AgentTrackingImpl.class})
public class AgentTrackingImpl implements AgentTracking {

    private final Storage storage;
    private final Map<String, AgentLogin> byAgent = new ConcurrentHashMap<>();
    private final Map<String, AgentLogin> byDevice = new ConcurrentHashMap<>();

    @Activate
    public AgentTrackingImpl(@Reference Storage storage) {
        this.storage = storage;
        storage.tx(em -> {
            for (AgentLoginEntity row : current(em)) {
                remember(toLogin(em, row));
            }
            return null;
        });
    }

    @Override
    public synchronized AgentLogin login(String agent, String device, String agentGroup, String workstation, Integer rfbPort) {
        if (blank(agent)) {
            throw new TrackException("ERROR_MISSING_PARAMETER", "a login needs the agent");
        }
        if (blank(device) && blank(workstation)) {
            throw new TrackException("ERROR_MISSING_PARAMETER", "a login needs a device or a workstation");
        }
        Map<String, Optional<AgentLogin>> others = new java.util.HashMap<>();
        AgentLogin login = storage.tx(em -> {
            WorkstationEntity ws = blank(workstation) ? null : workstation(em, workstation.trim())
                    .orElseThrow(() -> new TrackException("ERROR_WORKSTATION_NOT_FOUND",
                            "workstation '" + workstation + "' is not configured in OrkWeb"));
            Instant now = Instant.now();
            AgentLoginEntity row = currentOf(em, agent.trim());
            if (row == null) {
                row = new AgentLoginEntity();
                row.agent = agent.trim();
                row.loginTime = now;
            }
            if (!blank(device)) {
                row.device = device.trim();
            }
            if (!blank(agentGroup)) {
                row.agentGroup = agentGroup.trim();
            }
            if (ws != null) {
                row.workstationId = ws.id;
                row.rfbPort = rfbPort != null ? rfbPort : ws.rfbPort;
            }
            for (AgentLoginEntity other : current(em)) {
                if (other.agent.equals(row.agent)) {
                    continue;
                }
                boolean changed = false;
                if (row.device != null && row.device.equals(other.device) && !blank(device)) {
                    other.device = null;
                    changed = true;
                }
                if (ws != null && ws.id.equals(other.workstationId) && Objects.equals(row.rfbPort, other.rfbPort)) {
                    other.workstationId = null;
                    other.rfbPort = null;
                    changed = true;
                }
                if (changed) {
                    endIfEmpty(other, now);
                    others.put(other.agent, other.logoutTime == null ? Optional.of(toLogin(em, other)) : Optional.empty());
                }
            }
            if (row.id == null) {
                em.persist(row);
            }
            return toLogin(em, row);
        });
        others.forEach((other, now) -> {
            forget(other);
            now.ifPresent(this::remember);
        });
        forget(login.agent());
        remember(login);
        return login;
    }

    @Override
    public synchronized int logout(String agent, String device, String workstation, Integer rfbPort) {
        if (blank(device) && blank(workstation)) {
            throw new TrackException("ERROR_MISSING_PARAMETER", "a logout needs a device or a workstation");
        }
        Map<String, Optional<AgentLogin>> changed = new java.util.HashMap<>();
        int ended = storage.tx(em -> {
            Long wsId = blank(workstation) ? null : workstation(em, workstation.trim()).map(w -> w.id).orElseThrow(
                    () -> new TrackException("ERROR_WORKSTATION_NOT_FOUND", "workstation '" + workstation + "' is not configured in OrkWeb"));
            Instant now = Instant.now();
            int count = 0;
            for (AgentLoginEntity row : current(em)) {
                if (!blank(agent) && !row.agent.equals(agent.trim())) {
                    continue;
                }
                boolean hit = false;
                if (!blank(device) && device.trim().equals(row.device)) {
                    row.device = null;
                    hit = true;
                }
                if (wsId != null && wsId.equals(row.workstationId) && (rfbPort == null || rfbPort.equals(row.rfbPort))) {
                    row.workstationId = null;
                    row.rfbPort = null;
                    hit = true;
                }
                if (hit) {
                    count++;
                    endIfEmpty(row, now);
                    changed.put(row.agent, row.logoutTime == null ? Optional.of(toLogin(em, row)) : Optional.empty());
                }
            }
            return count;
        });
        if (ended == 0) {
            throw new TrackException("ERROR_NOT_LOGGED_IN", "no agent is logged in"
                    + (blank(agent) ? "" : " as " + agent) + (blank(device) ? "" : " at device " + device)
                    + (blank(workstation) ? "" : " at workstation " + workstation));
        }
        changed.forEach((agentChanged, now) -> {
            forget(agentChanged);
            now.ifPresent(this::remember);
        });
        return ended;
    }

    @Override
    public Optional<AgentLogin> atDevice(String device) {
        return Optional.ofNullable(device == null ? null : byDevice.get(device));
    }

    @Override
    public Optional<AgentLogin> ofAgent(String agent) {
        return Optional.ofNullable(agent == null ? null : byAgent.get(agent));
    }

    @Override
    public List<AgentLogin> current() {
        return byAgent.values().stream().sorted(java.util.Comparator.comparing(AgentLogin::agent)).toList();
    }

    @Override
    public Workstation saveWorkstation(String name, String hostname, int rfbPort) {
        if (blank(hostname)) {
            throw new TrackException("ERROR_MISSING_PARAMETER", "a workstation needs a host name");
        }
        int longest = Math.max(hostname.trim().length(), name == null ? 0 : name.trim().length());
        if (longest > UserDirectoryImpl.NAME_LENGTH) {
            throw new TrackException("ERROR_INVALID_PARAMETER", "a workstation's name and host name have at most "
                    + UserDirectoryImpl.NAME_LENGTH + " characters");
        }
        return storage.tx(em -> {
            WorkstationEntity ws = workstation(em, hostname.trim()).orElseGet(WorkstationEntity::new);
            ws.hostname = hostname.trim();
            ws.name = blank(name) ? hostname.trim() : name.trim();
            ws.rfbPort = rfbPort > 0 ? rfbPort : 5900;
            if (ws.id == null) {
                em.persist(ws);
            }
            return new Workstation(ws.id, ws.name, ws.hostname, ws.rfbPort);
        });
    }

    @Override
    public List<Workstation> workstations() {
        return storage.tx(em -> em.createQuery("SELECT w FROM WorkstationEntity w ORDER BY w.name, w.id", WorkstationEntity.class)
                .getResultList().stream().map(w -> new Workstation(w.id, w.name, w.hostname, w.rfbPort)).toList());
    }

    @Override
    public synchronized void deleteWorkstation(long id) {
        storage.tx(em -> {
            WorkstationEntity ws = em.find(WorkstationEntity.class, id);
            if (ws == null) {
                throw new TrackException("ERROR_WORKSTATION_NOT_FOUND", "no workstation has the id " + id);
            }
            List<String> agents = current(em).stream().filter(a -> ws.id.equals(a.workstationId)).map(a -> a.agent).toList();
            if (!agents.isEmpty()) {
                throw new TrackException("ERROR_WORKSTATION_IN_USE", "agents " + String.join(", ", agents)
                        + " are logged in at workstation '" + ws.name + "'; log them out first");
            }
            em.remove(ws);
            return null;
        });
    }

    @Override
    public Optional<Workstation> workstation(String hostname) {
        return storage.tx(em -> workstation(em, hostname).map(w -> new Workstation(w.id, w.name, w.hostname, w.rfbPort)));
    }

    private static Optional<WorkstationEntity> workstation(EntityManager em, String hostname) {
        return em.createQuery("SELECT w FROM WorkstationEntity w WHERE LOWER(w.hostname) = :h OR LOWER(w.name) = :h ORDER BY w.id",
                WorkstationEntity.class).setParameter("h", hostname.toLowerCase(java.util.Locale.ROOT)).getResultList()
                .stream().findFirst();
    }

    private static List<AgentLoginEntity> current(EntityManager em) {
        return em.createQuery("SELECT a FROM AgentLoginEntity a WHERE a.logoutTime IS NULL", AgentLoginEntity.class)
                .getResultList();
    }

    private static AgentLoginEntity currentOf(EntityManager em, String agent) {
        return em.createQuery("SELECT a FROM AgentLoginEntity a WHERE a.agent = :agent AND a.logoutTime IS NULL",
                AgentLoginEntity.class).setParameter("agent", agent).getResultList().stream().findFirst().orElse(null);
    }

    private static void endIfEmpty(AgentLoginEntity row, Instant now) {
        if (row.device == null && row.workstationId == null) {
            row.logoutTime = now;
        }
    }

    private static AgentLogin toLogin(EntityManager em, AgentLoginEntity row) {
        WorkstationEntity ws = row.workstationId == null ? null : em.find(WorkstationEntity.class, row.workstationId);
        return new AgentLogin(row.agent, row.device, row.agentGroup, ws == null ? null : ws.hostname, row.rfbPort,
                row.loginTime);
    }

    private void remember(AgentLogin login) {
        byAgent.put(login.agent(), login);
        if (login.device() != null) {
            byDevice.put(login.device(), login);
        }
    }

    private void forget(String agent) {
        AgentLogin old = byAgent.remove(agent);
        if (old != null && old.device() != null) {
            byDevice.remove(old.device(), old);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
