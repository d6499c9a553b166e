package org.oreka.track.storage.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.persistence.EntityManager;

import org.oreka.track.storage.internal.entity.LoginStringEntity;
import org.oreka.track.storage.internal.entity.PortFaceEntity;
import org.oreka.track.storage.internal.entity.UserEntity;
import org.oreka.track.storage.internal.entity.UserGroupEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link Directory} snapshot: reloaded after every change OrkTrack makes, on {@code cmd=updatecache},
 * and every minute for changes made in the database by others.
 */
@Component(service = DirectoryCache.class)
public class DirectoryCache {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryCache.class);

    private final Storage storage;
    private final ScheduledExecutorService refresher;
    private volatile Directory current = Directory.EMPTY;

    @Activate
    public DirectoryCache(@Reference Storage storage) {
        this.storage = storage;
        reload();
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "orktrack-directory-refresh");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(this::reloadQuietly, 60, 60, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        refresher.shutdownNow();
    }

    /** The current snapshot. */
    Directory get() {
        return current;
    }

    /** Reads the directory again from the database. */
    void reload() {
        current = storage.tx(DirectoryCache::load);
    }

    private void reloadQuietly() {
        try {
            reload();
        } catch (RuntimeException e) {
            LOG.warn("Could not refresh the user directory from the database: {}", WriteQueue.rootMessage(e));
        }
    }

    static Directory load(EntityManager em) {
        Map<Long, Directory.UserFlags> users = new HashMap<>();
        for (UserEntity u : em.createQuery("SELECT u FROM UserEntity u", UserEntity.class).getResultList()) {
            users.put(u.id, new Directory.UserFlags(u.recordable, !u.disabled && !u.deleted));
        }
        Map<String, Long> userOf = new HashMap<>();
        Map<Long, List<String>> loginStrings = new HashMap<>();
        for (LoginStringEntity l : em.createQuery("SELECT l FROM LoginStringEntity l ORDER BY l.id", LoginStringEntity.class)
                .getResultList()) {
            userOf.put(l.loginString, l.userId);
            loginStrings.computeIfAbsent(l.userId, k -> new ArrayList<>()).add(l.loginString);
        }
        Map<Long, Set<Long>> groups = new HashMap<>();
        for (UserGroupEntity g : em.createQuery("SELECT g FROM UserGroupEntity g", UserGroupEntity.class).getResultList()) {
            groups.computeIfAbsent(g.userId, k -> new HashSet<>()).add(g.groupId);
        }
        Map<String, Long> ports = new HashMap<>();
        for (PortFaceEntity p : em.createQuery("SELECT p FROM PortFaceEntity p", PortFaceEntity.class).getResultList()) {
            ports.put(p.name, p.portId);
        }
        loginStrings.replaceAll((k, v) -> List.copyOf(v));
        groups.replaceAll((k, v) -> Set.copyOf(v));
        return new Directory(Map.copyOf(userOf), Map.copyOf(users), Map.copyOf(loginStrings), Map.copyOf(groups),
                Map.copyOf(ports));
    }
}
