package org.oreka.track.storage.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.persistence.EntityManager;

import org.oreka.track.storage.Recorder;
import org.oreka.track.storage.RecorderRegistration;
import org.oreka.track.storage.Recorders;
import org.oreka.track.storage.TrackException;
import org.oreka.track.storage.internal.entity.ServiceEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code orkservice} rows: recorders register with their init message, and tape messages from a service
 * not seen before create it (as Oreka does). Written through the write queue, so a name is inserted once.
 */
@Component(service = {Recorders.class, RecordersImpl.class})
public class RecordersImpl implements Recorders {

    private static final Duration LAST_SEEN_PRECISION = Duration.ofMinutes(1);

    private final Storage storage;
    /** Service ids by name, and when their lastSeen was last written; touched only on the write queue's thread. */
    private final Map<String, ServiceEntity> known = new ConcurrentHashMap<>();

    @Activate
    public RecordersImpl(@Reference Storage storage) {
        this.storage = storage;
    }

    @Override
    public Recorder register(RecorderRegistration r) {
        if (r.name() == null || r.name().isBlank()) {
            throw new TrackException("ERROR_MISSING_PARAMETER", "a recorder registers with its name");
        }
        return storage.writes().run((em, batch) -> {
            ServiceEntity service = find(em, r.name().trim());
            if (service == null) {
                service = new ServiceEntity();
                service.name = r.name().trim();
                service.recordMaster = true;
            }
            service.hostname = r.hostname();
            service.serviceClass = "S".equalsIgnoreCase(r.serviceType()) ? "SCREEN" : "AUDIO";
            service.tcpPort = r.tcpPort() > 0 ? r.tcpPort() : null;
            service.streamingPort = r.streamingPort() > 0 ? r.streamingPort() : null;
            service.fileServeProtocol = r.fileServeProtocol() == null || r.fileServeProtocol().isBlank() ? "http" : r.fileServeProtocol();
            service.fileServeTcpPort = r.fileServePort() > 0 ? r.fileServePort() : 8080;
            service.contextPath = r.contextPath();
            service.fileServePath = r.servePath();
            service.absolutePath = r.absolutePath();
            service.lastSeen = Instant.now();
            if (service.id == null) {
                em.persist(service);
            }
            em.flush();
            ServiceEntity saved = service;
            batch.afterCommit(() -> known.put(saved.name, saved));
            return toRecorder(service);
        });
    }

    @Override
    public Optional<Recorder> byName(String name) {
        return storage.tx(em -> Optional.ofNullable(find(em, name)).map(RecordersImpl::toRecorder));
    }

    @Override
    public List<Recorder> all() {
        return storage.tx(em -> em.createQuery("SELECT s FROM ServiceEntity s ORDER BY s.name", ServiceEntity.class)
                .getResultList().stream().map(RecordersImpl::toRecorder).toList());
    }

    /**
     * The id of the service a tape message names, creating it as Oreka does when it is new, and noting that it was
     * seen; on the write queue's thread.
     */
    Long serviceId(EntityManager em, WriteBatch batch, String name, String hostname) {
        if (name == null || name.isBlank()) {
            return null;
        }
        ServiceEntity service = known.get(name);
        if (service == null) {
            service = find(em, name);
        }
        Instant now = Instant.now();
        if (service == null) {
            service = new ServiceEntity();
            service.name = name;
            service.hostname = hostname;
            service.serviceClass = "AUDIO";
            service.fileServeProtocol = "http";
            service.fileServeTcpPort = 8080;
            service.recordMaster = true;
            service.lastSeen = now;
            em.persist(service);
        } else if (service.lastSeen == null || service.lastSeen.plus(LAST_SEEN_PRECISION).isBefore(now)) {
            em.createQuery("UPDATE ServiceEntity s SET s.lastSeen = :now WHERE s.id = :id").setParameter("now", now)
                    .setParameter("id", service.id).executeUpdate();
            service.lastSeen = now;
        }
        ServiceEntity seen = service;
        batch.afterCommit(() -> known.put(name, seen));
        return service.id;
    }

    /** The recorder with that row id, from the cache of services seen. */
    Optional<Recorder> byId(Long id) {
        if (id == null) {
            return Optional.empty();
        }
        return known.values().stream().filter(s -> id.equals(s.id)).findFirst().map(RecordersImpl::toRecorder)
                .or(() -> storage.tx(em -> Optional.ofNullable(em.find(ServiceEntity.class, id)).map(RecordersImpl::toRecorder)));
    }

    private static ServiceEntity find(EntityManager em, String name) {
        List<ServiceEntity> found = em.createQuery("SELECT s FROM ServiceEntity s WHERE s.name = :name", ServiceEntity.class)
                .setParameter("name", name).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private static Recorder toRecorder(ServiceEntity s) {
        return new Recorder(s.id, s.name, s.hostname, s.tcpPort == null ? 0 : s.tcpPort,
                s.streamingPort == null ? 0 : s.streamingPort, s.serviceClass, s.absolutePath, s.lastSeen);
    }
}
