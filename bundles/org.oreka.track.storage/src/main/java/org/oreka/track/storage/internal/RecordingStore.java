package org.oreka.track.storage.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import javax.persistence.EntityManager;

import org.oreka.track.storage.CtiMetadata;
import org.oreka.track.storage.Direction;
import org.oreka.track.storage.LiveCall;
import org.oreka.track.storage.LiveCalls;
import org.oreka.track.storage.LiveDecision;
import org.oreka.track.storage.MetadataMessage;
import org.oreka.track.storage.RecordingListener;
import org.oreka.track.storage.TagEntry;
import org.oreka.track.storage.Tags;
import org.oreka.track.storage.TapeIngestion;
import org.oreka.track.storage.TapeMessage;
import org.oreka.track.storage.TapeReceipt;
import org.oreka.track.storage.TapeStage;
import org.oreka.track.storage.TrackException;
import org.oreka.track.storage.internal.entity.MetadataEntity;
import org.oreka.track.storage.internal.entity.TapeEntity;
import org.oreka.track.storage.internal.entity.UserEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recordings in the database: ingests tape and CTI messages, tags, and the live keep/discard decisions, all
 * through the write queue, and keeps the index of live calls those writes maintain.
 */
@Component(service = {TapeIngestion.class, LiveCalls.class, Tags.class, CtiMetadata.class, RecordingStore.class})
public class RecordingStore implements TapeIngestion, LiveCalls, Tags, CtiMetadata {

    static final String START = "START";
    static final String STOP = "STOP";
    static final String READY = "READY";
    /** How far back a keep/discard decision can reach a call that ended but is not stored yet. */
    private static final Duration DECISION_REACH = Duration.ofMinutes(10);
    /** Slack between the elapsed time Live Monitoring showed and the call's start. */
    private static final Duration ELAPSED_SLACK = Duration.ofSeconds(5);
    private static final Duration LIVE_CALL_LIMIT = Duration.ofDays(1);
    private static final Logger LOG = LoggerFactory.getLogger(RecordingStore.class);

    private final Storage storage;
    private final DirectoryCache directory;
    private final ProgramsImpl programs;
    private final RecordersImpl recorders;
    private final AgentTrackingImpl agents;
    private final LiveCallIndex live = new LiveCallIndex();
    private final TagWriter tagWriter = new TagWriter();
    /** Decisions waiting for a user's next call, by user id. */
    private final Map<Long, LiveDecision> nextCallDecisions = new ConcurrentHashMap<>();
    private final List<RecordingListener> listeners = new CopyOnWriteArrayList<>();
    /** Whether any CTI metadata was ever stored: without it, a ready recording has nothing to match. */
    private volatile boolean ctiSeen;

    @Activate
    public RecordingStore(@Reference Storage storage, @Reference DirectoryCache directory, @Reference ProgramsImpl programs,
            @Reference RecordersImpl recorders, @Reference AgentTrackingImpl agents) {
        this.storage = storage;
        this.directory = directory;
        this.programs = programs;
        this.recorders = recorders;
        this.agents = agents;
        storage.tx(em -> {
            for (TapeEntity tape : em.createQuery("SELECT t FROM TapeEntity t WHERE t.state = 'START' AND t.startedAt > :since",
                    TapeEntity.class).setParameter("since", Instant.now().minus(LIVE_CALL_LIMIT)).getResultList()) {
                live.started(liveCall(tape, serviceName(tape), TagWriter.tagsOf(em, tape.id)));
            }
            for (UserEntity user : em.createQuery("SELECT u FROM UserEntity u WHERE u.nextCallDecision <> 'NEITHER'",
                    UserEntity.class).getResultList()) {
                nextCallDecisions.put(user.id, LiveDecision.valueOf(user.nextCallDecision));
            }
            ctiSeen = !em.createQuery("SELECT m.id FROM MetadataEntity m", Long.class).setMaxResults(1).getResultList().isEmpty();
            return null;
        });
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindListener(RecordingListener listener) {
        listeners.add(listener);
    }

    void unbindListener(RecordingListener listener) {
        listeners.remove(listener);
    }

    private void tell(Consumer<RecordingListener> event) {
        for (RecordingListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("A recording listener failed: {}", e.toString());
            }
        }
    }

    // Tape messages

    @Override
    public CompletionStage<TapeReceipt> ingest(TapeMessage message) {
        return storage.writes().submit((em, batch) -> apply(em, batch, message));
    }

    private TapeReceipt apply(EntityManager em, WriteBatch batch, TapeMessage m) {
        switch (m.stage()) {
            case START:
                return start(em, batch, m);
            case STOP:
                return stop(em, batch, m);
            case READY:
                return ready(em, batch, m);
            case UPDATE:
                return update(em, batch, m);
            default:
                return hold(em, batch, m, m.stage() == TapeStage.HOLD);
        }
    }

    private TapeReceipt start(EntityManager em, WriteBatch batch, TapeMessage m) {
        Directory dir = directory.get();
        TapeEntity tape = tape(em, batch, m.recid());
        if (tape == null && m.isScreen()) {
            // A screen recording is no call: it stays out of live monitoring, programs and decisions.
            tape = newTape(em, batch, m, START);
            tape.startedAt = Instant.now();
            em.persist(tape);
            batch.remember(tape);
            return TapeReceipt.accepted(false);
        }
        if (tape == null) {
            tape = newTape(em, batch, m, START);
            tape.startedAt = Instant.now();
            Owner owner = Owner.of(dir, agents, tape.localParty, m.loginString());
            LiveDecision waiting = owner.userId() == null ? null : nextCallDecisions.get(owner.userId());
            tape.liveDecision = waiting == null ? LiveDecision.NEITHER.name() : waiting.name();
            em.persist(tape);
            batch.remember(tape);
            if (waiting != null) {
                Long user = owner.userId();
                em.createQuery("UPDATE UserEntity u SET u.nextCallDecision = 'NEITHER' WHERE u.id = :id").setParameter("id", user)
                        .executeUpdate();
                batch.afterCommit(() -> nextCallDecisions.remove(user, waiting));
            }
            List<TagEntry> tags = tagWriter.add(em, batch, tape, m.tags());
            LiveCall call = liveCall(tape, m.service(), tags);
            batch.afterCommit(() -> {
                live.started(call);
                tell(listener -> listener.recordingStarted(call));
            });
        }
        return recordable(dir, tape, m.loginString());
    }

    private TapeReceipt stop(EntityManager em, WriteBatch batch, TapeMessage m) {
        TapeEntity tape = tape(em, batch, m.recid());
        Instant now = Instant.now();
        boolean wasLive = tape != null && START.equals(tape.state);
        if (tape == null) {
            tape = newTape(em, batch, m, STOP);
            tape.stoppedAt = now;
            em.persist(tape);
            batch.remember(tape);
            tagWriter.add(em, batch, tape, m.tags());
        } else if (!READY.equals(tape.state)) {
            fill(tape, m);
            tape.state = STOP;
            tape.stoppedAt = now;
            tagWriter.add(em, batch, tape, m.tags());
        }
        String recid = tape.recid;
        boolean audio = !"S".equals(tape.mediaType);
        batch.afterCommit(() -> {
            live.stopped(recid, now);
            if (wasLive && audio) {
                tell(listener -> listener.recordingStopped(recid));
            }
        });
        return TapeReceipt.accepted(false);
    }

    private TapeReceipt ready(EntityManager em, WriteBatch batch, TapeMessage m) {
        TapeEntity tape = tape(em, batch, m.recid());
        if (tape != null && READY.equals(tape.state)) {
            return TapeReceipt.accepted(!Boolean.TRUE.equals(tape.kept));
        }
        Instant now = Instant.now();
        boolean wasLive = tape != null && START.equals(tape.state);
        if (tape == null) {
            tape = newTape(em, batch, m, READY);
            em.persist(tape);
            batch.remember(tape);
        } else {
            fill(tape, m);
        }
        tape.state = READY;
        if (m.isScreen() || "S".equals(tape.mediaType)) {
            // Screen recordings are kept with their call; they have no segments of their own.
            tape.readyAt = now;
            tape.stoppedAt = tape.stoppedAt == null ? now : tape.stoppedAt;
            tape.fileSize = m.fileSize() != null ? m.fileSize() : tape.fileSize;
            tape.kept = true;
            return TapeReceipt.accepted(false);
        }
        tape.readyAt = now;
        tape.stoppedAt = tape.stoppedAt == null ? now : tape.stoppedAt;
        if (m.fileSize() != null) {
            tape.fileSize = m.fileSize();
        }
        tagWriter.add(em, batch, tape, m.tags());
        Directory dir = directory.get();
        Owner owner = Owner.of(dir, agents, tape.localParty, m.loginString());
        Long portId = tape.portName == null ? null : dir.portsByName().get(tape.portName);
        List<ProgramRules.Acceptance> keptBy = List.of();
        boolean keep;
        LiveDecision decision = LiveDecision.valueOf(tape.liveDecision);
        Directory.UserFlags flags = dir.flags(owner.userId());
        if (decision != LiveDecision.NEITHER) {
            keep = decision == LiveDecision.KEEP;
        } else if (flags != null && !flags.recordable()) {
            keep = false;
        } else {
            ProgramRules rules = programs.rules();
            if (rules.keepsEverything()) {
                keep = true;
            } else {
                ProgramRules.Facts facts = new ProgramRules.Facts(Direction.ofCode(tape.direction), tape.duration,
                        tape.localParty, tape.remoteParty, owner.userId(), dir.groupsOf(owner.userId()), portId, tape.timestamp);
                List<ProgramRules.Acceptance> accepted = rules.judge(facts, ThreadLocalRandom.current()::nextDouble);
                batch.onRollback(() -> ProgramRules.undo(accepted));
                keptBy = accepted;
                keep = !accepted.isEmpty();
            }
        }
        tape.kept = keep;
        if (keep) {
            for (ProgramRules.Acceptance a : keptBy) {
                em.createQuery("UPDATE ProgramEntity p SET p.recordedSoFar = :n, p.cycleStart = :c WHERE p.id = :id")
                        .setParameter("n", a.recordedSoFar()).setParameter("c", a.cycleStart()).setParameter("id", a.programId())
                        .executeUpdate();
            }
            int hours = keptBy.stream().mapToInt(ProgramRules.Acceptance::keepForHours).max().orElse(0);
            boolean forEver = keptBy.isEmpty() || keptBy.stream().anyMatch(a -> a.keepForHours() == 0);
            tape.expiryTimestamp = forEver ? null : tape.timestamp.plus(Duration.ofHours(hours));
            List<MetadataEntity> cti = ctiSeen ? MetadataMatcher.forTape(em, tape) : List.of();
            SegmentWriter.write(em, tape, owner, portId, cti, keptBy, dir);
            for (MetadataEntity md : cti) {
                tagWriter.add(em, batch, tape, MetadataMatcher.tags(md));
            }
        }
        String recid = tape.recid;
        batch.afterCommit(() -> {
            live.stopped(recid, now);
            if (wasLive) {
                tell(listener -> listener.recordingStopped(recid));
            }
        });
        return TapeReceipt.accepted(!keep);
    }

    private TapeReceipt update(EntityManager em, WriteBatch batch, TapeMessage m) {
        TapeEntity tape = tape(em, batch, m.recid());
        if (tape == null) {
            return start(em, batch, m);
        }
        fill(tape, m);
        tagWriter.add(em, batch, tape, m.tags());
        LiveCall changed = liveCall(tape, m.service(), TagWriter.tagsOf(em, tape.id));
        batch.afterCommit(() -> live.update(changed.orkuid(), c -> new LiveCall(c.orkuid(), c.recorder(), changed.localParty(),
                changed.remoteParty(), changed.direction(), changed.side(), c.started(), c.paused(), c.onHold(), c.decision(),
                c.tags())));
        return TapeReceipt.accepted(false);
    }

    private TapeReceipt hold(EntityManager em, WriteBatch batch, TapeMessage m, boolean onHold) {
        TapeEntity tape = tape(em, batch, m.recid());
        if (tape == null) {
            return TapeReceipt.refused("no recording has recid " + m.recid());
        }
        tape.onHold = onHold;
        batch.afterCommit(() -> live.update(m.recid(), c -> new LiveCall(c.orkuid(), c.recorder(), c.localParty(),
                c.remoteParty(), c.direction(), c.side(), c.started(), c.paused(), onHold, c.decision(), c.tags())));
        return TapeReceipt.accepted(false);
    }

    private TapeReceipt recordable(Directory dir, TapeEntity tape, String loginString) {
        Owner owner = Owner.of(dir, agents, tape.localParty, loginString);
        Directory.UserFlags flags = dir.flags(owner.userId());
        if (flags != null && !flags.recordable()) {
            return TapeReceipt.refused("user of " + owner.loginString() + " is not recordable");
        }
        return TapeReceipt.accepted(false);
    }

    private TapeEntity newTape(EntityManager em, WriteBatch batch, TapeMessage m, String state) {
        TapeEntity tape = new TapeEntity();
        tape.recid = m.recid();
        tape.state = state;
        tape.timestamp = m.timestamp();
        tape.serviceId = recorders.serviceId(em, batch, m.service(), m.hostname());
        tape.mediaType = String.valueOf(m.mediaType());
        tape.callRecid = m.callOrkuid();
        tape.liveDecision = LiveDecision.NEITHER.name();
        tape.direction = Direction.UNKN.code();
        fill(tape, m);
        return tape;
    }

    /** Copies what the message says onto the tape, leaving fields the message leaves empty. */
    private static void fill(TapeEntity tape, TapeMessage m) {
        if (m.durationSeconds() > 0 || m.stage() != TapeStage.START) {
            tape.duration = Math.max(0, m.durationSeconds());
        }
        tape.filename = pick(m.filename(), tape.filename);
        tape.localParty = pick(m.localParty(), tape.localParty);
        tape.localEntryPoint = pick(m.localEntryPoint(), tape.localEntryPoint);
        tape.remoteParty = pick(m.remoteParty(), tape.remoteParty);
        if (m.direction() != Direction.UNKN) {
            tape.direction = m.direction().code();
        }
        tape.portName = pick(m.capturePort(), tape.portName);
        tape.nativeCallId = pick(m.nativeCallId(), tape.nativeCallId);
        tape.localIp = pick(m.localIp(), tape.localIp);
        tape.remoteIp = pick(m.remoteIp(), tape.remoteIp);
        tape.hostname = pick(m.hostname(), tape.hostname);
        tape.side = pick(m.side(), tape.side);
        tape.onDemand = tape.onDemand || m.onDemand();
    }

    private static String pick(String given, String current) {
        return given == null || given.isEmpty() ? current : given;
    }

    /** The tape with a recid, from this batch or the database. */
    private static TapeEntity tape(EntityManager em, WriteBatch batch, String recid) {
        TapeEntity tape = batch.tape(recid);
        if (tape == null) {
            tape = em.createQuery("SELECT t FROM TapeEntity t WHERE t.recid = :recid", TapeEntity.class)
                    .setParameter("recid", recid).getResultList().stream().findFirst().orElse(null);
            if (tape != null) {
                batch.remember(tape);
            }
        }
        return tape;
    }

    private String serviceName(TapeEntity tape) {
        return recorders.byId(tape.serviceId).map(r -> r.name()).orElse(null);
    }

    private static LiveCall liveCall(TapeEntity t, String recorder, List<TagEntry> tags) {
        return new LiveCall(t.recid, recorder, t.localParty, t.remoteParty, Direction.ofCode(t.direction), t.side, t.timestamp,
                false, t.onHold, LiveDecision.valueOf(t.liveDecision), tags);
    }

    // Live calls

    @Override
    public Optional<LiveCall> byLocalParty(String localParty) {
        return live.byLocalParty(localParty);
    }

    @Override
    public Optional<LiveCall> byOrkuid(String orkuid) {
        return live.byOrkuid(orkuid);
    }

    @Override
    public List<LiveCall> all() {
        return live.all();
    }

    @Override
    public Optional<Instant> lastCallEnd(String localParty) {
        Optional<Instant> known = live.lastEnd(localParty);
        if (known.isPresent() || localParty == null) {
            return known;
        }
        return storage.tx(em -> Optional.ofNullable(em.createQuery(
                "SELECT MAX(t.stoppedAt) FROM TapeEntity t WHERE t.localParty = :lp AND t.state <> 'START'", Instant.class)
                .setParameter("lp", localParty).getSingleResult()));
    }

    @Override
    public void setPaused(String orkuid, boolean paused) {
        live.update(orkuid, c -> new LiveCall(c.orkuid(), c.recorder(), c.localParty(), c.remoteParty(), c.direction(), c.side(),
                c.started(), paused, c.onHold(), c.decision(), c.tags()));
    }

    /** The decision waiting for a user's next call. */
    LiveDecision nextCallDecision(long userId) {
        return nextCallDecisions.getOrDefault(userId, LiveDecision.NEITHER);
    }

    /**
     * Applies a Live Monitoring decision to the call of {@code parties} shown {@code elapsedSeconds} into it, or to
     * the user's next call.
     *
     * @return the orkuid decided on, or null when the decision waits for the next call
     */
    String decide(long userId, List<String> parties, LiveDecision decision, Long elapsedSeconds) {
        return storage.writes().run((em, batch) -> {
            Instant now = Instant.now();
            Instant startedBy = elapsedSeconds == null ? now.plus(ELAPSED_SLACK)
                    : now.minusSeconds(elapsedSeconds).plus(ELAPSED_SLACK);
            String orkuid = parties.stream().map(live::byLocalParty).flatMap(Optional::stream)
                    .filter(c -> !c.started().isAfter(startedBy)).max(Comparator.comparing(LiveCall::started))
                    .map(LiveCall::orkuid).orElse(null);
            if (orkuid == null && !parties.isEmpty()) {
                orkuid = em.createQuery("SELECT t.recid FROM TapeEntity t WHERE t.state = 'STOP' AND t.localParty IN :parties"
                        + " AND t.stoppedAt > :reach AND t.timestamp <= :startedBy ORDER BY t.timestamp DESC", String.class)
                        .setParameter("parties", parties).setParameter("reach", now.minus(DECISION_REACH))
                        .setParameter("startedBy", startedBy).setMaxResults(1).getResultList().stream().findFirst().orElse(null);
            }
            if (orkuid == null) {
                em.createQuery("UPDATE UserEntity u SET u.nextCallDecision = :d WHERE u.id = :id")
                        .setParameter("d", decision.name()).setParameter("id", userId).executeUpdate();
                batch.afterCommit(() -> {
                    if (decision == LiveDecision.NEITHER) {
                        nextCallDecisions.remove(userId);
                    } else {
                        nextCallDecisions.put(userId, decision);
                    }
                });
                return null;
            }
            tape(em, batch, orkuid).liveDecision = decision.name();
            String decided = orkuid;
            batch.afterCommit(() -> live.update(decided, c -> new LiveCall(c.orkuid(), c.recorder(), c.localParty(),
                    c.remoteParty(), c.direction(), c.side(), c.started(), c.paused(), c.onHold(), decision, c.tags())));
            return orkuid;
        });
    }

    // Tags

    @Override
    public TagResult tagRecording(String orkuid, List<TagEntry> tags) {
        return storage.writes().run((em, batch) -> {
            TapeEntity tape = orkuid == null ? null : tape(em, batch, orkuid);
            if (tape == null) {
                throw new TrackException("ERROR_NO_RECORDING_FOUND", "no recording has orkuid '" + orkuid + "'");
            }
            tag(em, batch, tape, tags);
            return new TagResult(List.of(tape.recid), false);
        });
    }

    @Override
    public TagResult tagLocalParty(String localParty, List<TagEntry> tags) {
        return storage.writes().run((em, batch) -> {
            String orkuid = live.byLocalParty(localParty).map(LiveCall::orkuid).orElseGet(() -> em.createQuery(
                    "SELECT t.recid FROM TapeEntity t WHERE t.localParty = :lp ORDER BY t.timestamp DESC", String.class)
                    .setParameter("lp", localParty).setMaxResults(1).getResultList().stream().findFirst().orElse(null));
            if (orkuid == null) {
                throw new TrackException("ERROR_NO_RECORDING_FOUND", "local party '" + localParty + "' has no recording");
            }
            TapeEntity tape = tape(em, batch, orkuid);
            tag(em, batch, tape, tags);
            return new TagResult(List.of(orkuid), false);
        });
    }

    @Override
    public TagResult tagLike(String findType, String findText, List<TagEntry> tags) {
        if (findType == null || findType.isBlank()) {
            throw new TrackException("ERROR_MISSING_PARAMETER", "findtagtype is missing");
        }
        return storage.writes().run((em, batch) -> {
            List<String> tagged = new ArrayList<>();
            for (String recid : em.createQuery("SELECT DISTINCT tp.recid FROM TagEntity t, TagTypeEntity ty, TapeEntity tp"
                    + " WHERE t.tagTypeId = ty.id AND t.tapeId = tp.id AND ty.name = :type AND t.text = :text", String.class)
                    .setParameter("type", findType.trim()).setParameter("text", findText == null ? "" : findText).getResultList()) {
                tag(em, batch, tape(em, batch, recid), tags);
                tagged.add(recid);
            }
            TagWriter.addPending(em, findType.trim(), findText == null ? "" : findText, tags);
            return new TagResult(tagged, true);
        });
    }

    @Override
    public List<TagEntry> tagsOf(String orkuid) {
        return storage.tx(em -> em.createQuery("SELECT t.id FROM TapeEntity t WHERE t.recid = :recid", Long.class)
                .setParameter("recid", orkuid).getResultList().stream().findFirst().map(id -> TagWriter.tagsOf(em, id))
                .orElseThrow(() -> new TrackException("ERROR_NO_RECORDING_FOUND", "no recording has orkuid '" + orkuid + "'")));
    }

    @Override
    public List<TagType> tagTypes() {
        return storage.tx(TagWriter::types);
    }

    @Override
    public TagType createTagType(String name) {
        return storage.writes().run((em, batch) -> tagWriter.createType(em, name));
    }

    @Override
    public TagType renameTagType(long id, String name) {
        return storage.writes().run((em, batch) -> tagWriter.renameType(em, batch, id, name));
    }

    @Override
    public void deleteTagType(long id) {
        storage.writes().run((em, batch) -> {
            tagWriter.deleteType(em, batch, id);
            return null;
        });
    }

    private void tag(EntityManager em, WriteBatch batch, TapeEntity tape, List<TagEntry> tags) {
        List<TagEntry> added = tagWriter.add(em, batch, tape, tags);
        if (!added.isEmpty()) {
            String recid = tape.recid;
            batch.afterCommit(() -> live.update(recid, c -> LiveCallIndex.withTags(c, added)));
        }
    }

    // CTI metadata

    @Override
    public long ingest(MetadataMessage message) {
        ctiSeen = true;
        return storage.writes().run((em, batch) -> {
            Long service = recorders.serviceId(em, batch, message.service(), null);
            MetadataEntity md = MetadataMatcher.store(em, message, service);
            if ("STOP".equals(md.state) && md.tapeId == null) {
                matchAndTag(em, batch, md);
            }
            return md.id;
        });
    }

    @Override
    public int evaluate(List<Long> ids, Instant from, Instant to) {
        return storage.writes().run((em, batch) -> {
            List<MetadataEntity> rows;
            if (ids != null && !ids.isEmpty()) {
                rows = em.createQuery("SELECT m FROM MetadataEntity m WHERE m.id IN :ids ORDER BY m.id", MetadataEntity.class)
                        .setParameter("ids", ids).getResultList();
            } else if (from != null && to != null) {
                rows = em.createQuery("SELECT m FROM MetadataEntity m WHERE m.timestamp >= :from AND m.timestamp < :to"
                        + " ORDER BY m.id", MetadataEntity.class).setParameter("from", from).setParameter("to", to).getResultList();
            } else {
                throw new TrackException("ERROR_MISSING_PARAMETER", "give ids, or a start and end time");
            }
            int matched = 0;
            for (MetadataEntity md : rows) {
                if (!"STOP".equals(md.state)) {
                    continue;
                }
                TapeEntity before = unmatch(em, md);
                if (matchAndTag(em, batch, md)) {
                    matched++;
                } else if (before != null) {
                    restoreWholeSegment(em, before);
                }
            }
            return matched;
        });
    }

    private boolean matchAndTag(EntityManager em, WriteBatch batch, MetadataEntity md) {
        TapeEntity tape = MetadataMatcher.match(em, md, directory.get());
        if (tape == null) {
            return false;
        }
        batch.remember(tape);
        tag(em, batch, tape, MetadataMatcher.tags(md));
        return true;
    }

    /** Takes a metadata row's segment off its recording; returns that recording, if it had one. */
    private static TapeEntity unmatch(EntityManager em, MetadataEntity md) {
        if (md.tapeId == null) {
            return null;
        }
        em.createQuery("DELETE FROM SegmentEntity s WHERE s.metadataId = :md").setParameter("md", md.id).executeUpdate();
        TapeEntity tape = em.find(TapeEntity.class, md.tapeId);
        md.tapeId = null;
        return tape;
    }

    /** Gives a kept recording left without segments its segment for the whole recording again. */
    private void restoreWholeSegment(EntityManager em, TapeEntity tape) {
        if (Boolean.TRUE.equals(tape.kept) && em.createQuery("SELECT COUNT(s) FROM SegmentEntity s WHERE s.tapeId = :tape",
                Long.class).setParameter("tape", tape.id).getSingleResult() == 0) {
            Directory dir = directory.get();
            SegmentWriter.write(em, tape, Owner.of(dir, agents, tape.localParty, null),
                    tape.portName == null ? null : dir.portsByName().get(tape.portName), List.of(), List.of(), dir);
        }
    }
}
