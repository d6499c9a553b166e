package org.oreka.track.storage.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.persistence.EntityManager;

import org.oreka.track.storage.Direction;
import org.oreka.track.storage.Program;
import org.oreka.track.storage.Programs;
import org.oreka.track.storage.TrackException;
import org.oreka.track.storage.internal.entity.PortEntity;
import org.oreka.track.storage.internal.entity.PortFaceEntity;
import org.oreka.track.storage.internal.entity.ProgramEntity;
import org.oreka.track.storage.internal.entity.ProgramRemotePartyEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The programs in the database and the {@link ProgramRules} ingestion judges recordings with. Changes and
 * reloads go through the write queue, so a recording is judged by one consistent set of programs.
 */
@Component(service = {Programs.class, ProgramsImpl.class})
public class ProgramsImpl implements Programs {

    private final Storage storage;
    private final DirectoryCache directory;
    private final ZoneId zone = ZoneId.systemDefault();
    private volatile ProgramRules rules;

    @Activate
    public ProgramsImpl(@Reference Storage storage, @Reference DirectoryCache directory) {
        this.storage = storage;
        this.directory = directory;
        storage.writes().run((em, batch) -> {
            rules = load(em);
            return null;
        });
    }

    /** The rules to judge with; called on the write queue's thread. */
    ProgramRules rules() {
        return rules;
    }

    @Override
    public Program save(Program program) {
        if (program.name() == null || program.name().isBlank()) {
            throw new TrackException("ERROR_SAVING_PROGRAM", "a program needs a name");
        }
        if (program.randomShare() < 0 || program.randomShare() > 1) {
            throw new TrackException("ERROR_SAVING_PROGRAM", "randomShare must be between 0 and 1");
        }
        Program saved = storage.writes().run((em, batch) -> {
            ProgramEntity entity = program.id() == 0 ? new ProgramEntity() : em.find(ProgramEntity.class, program.id());
            if (entity == null) {
                throw new TrackException("ERROR_NO_PROGRAM_FOUND", "no program has id " + program.id());
            }
            copy(em, program, entity);
            if (entity.id == null) {
                entity.timestamp = Instant.now();
                em.persist(entity);
            }
            em.flush();
            em.createQuery("DELETE FROM ProgramRemotePartyEntity r WHERE r.programId = :id").setParameter("id", entity.id)
                    .executeUpdate();
            for (String party : new java.util.LinkedHashSet<>(program.remotePartyList())) {
                ProgramRemotePartyEntity row = new ProgramRemotePartyEntity();
                row.programId = entity.id;
                row.party = party;
                em.persist(row);
            }
            em.flush();
            ProgramRules reloaded = load(em);
            batch.afterCommit(() -> rules = reloaded);
            return toProgram(entity, program.remotePartyList(), program.targetPort());
        });
        directory.reload();
        return saved;
    }

    @Override
    public void delete(long id) {
        storage.writes().run((em, batch) -> {
            ProgramEntity entity = em.find(ProgramEntity.class, id);
            if (entity == null) {
                throw new TrackException("ERROR_NO_PROGRAM_FOUND", "no program has id " + id);
            }
            em.remove(entity);
            em.flush();
            ProgramRules reloaded = load(em);
            batch.afterCommit(() -> rules = reloaded);
            return null;
        });
    }

    @Override
    public List<Program> all() {
        return storage.tx(em -> {
            Map<Long, List<String>> parties = remoteParties(em);
            Map<Long, String> portNames = portNames(em);
            List<Program> all = new ArrayList<>();
            for (ProgramEntity p : em.createQuery("SELECT p FROM ProgramEntity p ORDER BY p.id", ProgramEntity.class)
                    .getResultList()) {
                all.add(toProgram(p, parties.getOrDefault(p.id, List.of()), portNames.get(p.targetPortId)));
            }
            return all;
        });
    }

    @Override
    public void reloadCaches() {
        directory.reload();
        reloadRemotePartyLists();
    }

    @Override
    public void reloadRemotePartyLists() {
        storage.writes().run((em, batch) -> {
            ProgramRules reloaded = load(em);
            batch.afterCommit(() -> rules = reloaded);
            return null;
        });
    }

    private ProgramRules load(EntityManager em) {
        Map<Long, List<String>> parties = remoteParties(em);
        Map<Long, String> portNames = portNames(em);
        List<ProgramRules.Rule> active = new ArrayList<>();
        for (ProgramEntity p : em.createQuery("SELECT p FROM ProgramEntity p WHERE p.active = TRUE AND p.discarded = FALSE"
                + " ORDER BY p.id", ProgramEntity.class).getResultList()) {
            Program program = toProgram(p, parties.getOrDefault(p.id, List.of()), portNames.get(p.targetPortId));
            active.add(new ProgramRules.Rule(program, p.targetPortId, p.recordedSoFar, p.cycleStart));
        }
        return new ProgramRules(active, zone);
    }

    private static Map<Long, List<String>> remoteParties(EntityManager em) {
        Map<Long, List<String>> parties = new HashMap<>();
        for (ProgramRemotePartyEntity r : em.createQuery("SELECT r FROM ProgramRemotePartyEntity r",
                ProgramRemotePartyEntity.class).getResultList()) {
            parties.computeIfAbsent(r.programId, k -> new ArrayList<>()).add(r.party);
        }
        return parties;
    }

    private static Map<Long, String> portNames(EntityManager em) {
        Map<Long, String> names = new HashMap<>();
        for (PortFaceEntity face : em.createQuery("SELECT f FROM PortFaceEntity f ORDER BY f.name", PortFaceEntity.class)
                .getResultList()) {
            names.putIfAbsent(face.portId, face.name);
        }
        return names;
    }

    private static void copy(EntityManager em, Program p, ProgramEntity e) {
        e.name = p.name().trim();
        e.active = p.active();
        e.direction = p.direction().code();
        e.minDuration = p.minDurationSeconds();
        e.maxDuration = p.maxDurationSeconds();
        e.randomPercent = p.randomShare();
        e.cycle = p.cycle().name();
        e.startDay = p.startDay() == null ? "UNKN" : p.startDay().name();
        e.stopDay = p.stopDay() == null ? "UNKN" : p.stopDay().name();
        e.startTime = p.startTime() == null ? null : p.startTime().toString();
        e.stopTime = p.stopTime() == null ? null : p.stopTime().toString();
        e.recPerCycle = p.recordingsPerCycle();
        e.localParty = blankToNull(p.localParty());
        e.remoteParty = blankToNull(p.remoteParty());
        e.keepForHours = p.keepForHours();
        e.targetUserId = p.targetUserId();
        e.targetGroupId = p.targetGroupId();
        e.targetPortId = p.targetPort() == null || p.targetPort().isBlank() ? null : portId(em, p.targetPort().trim());
    }

    /** The id of the recording port with that name, created when new. */
    static long portId(EntityManager em, String name) {
        PortFaceEntity face = em.find(PortFaceEntity.class, name);
        if (face != null) {
            return face.portId;
        }
        PortEntity port = new PortEntity();
        em.persist(port);
        em.flush();
        face = new PortFaceEntity();
        face.name = name;
        face.portId = port.id;
        em.persist(face);
        return port.id;
    }

    private static Program toProgram(ProgramEntity e, List<String> remoteParties, String portName) {
        return new Program(e.id, e.name, e.active, Direction.ofCode(e.direction), e.minDuration, e.maxDuration,
                e.randomPercent, Program.Cycle.valueOf(e.cycle), day(e.startDay), day(e.stopDay), time(e.startTime),
                time(e.stopTime), e.recPerCycle, e.localParty, e.remoteParty, remoteParties, e.keepForHours,
                e.targetUserId, e.targetGroupId, portName, e.timestamp);
    }

    private static DayOfWeek day(String name) {
        return name == null || name.equals("UNKN") ? null : DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
    }

    private static LocalTime time(String text) {
        return text == null || text.isBlank() ? null : LocalTime.parse(text);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
