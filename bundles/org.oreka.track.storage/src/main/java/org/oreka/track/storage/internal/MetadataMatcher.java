package org.oreka.track.storage.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.persistence.EntityManager;

import org.oreka.track.storage.MetadataMessage;
import org.oreka.track.storage.TagEntry;
import org.oreka.track.storage.TapeStage;
import org.oreka.track.storage.internal.entity.MetadataEntity;
import org.oreka.track.storage.internal.entity.ProgramToSegmentEntity;
import org.oreka.track.storage.internal.entity.SegmentEntity;
import org.oreka.track.storage.internal.entity.TapeEntity;

/**
 * Stores CTI metadata and matches it to recordings: a stopped metadata segment belongs to the recording of the
 * same local party, port or call id that overlaps it in time (3 seconds of tolerance at each end), and becomes
 * one of its segments in place of the segment for the whole recording.
 */
final class MetadataMatcher {

    static final Duration TOLERANCE = Duration.ofSeconds(3);
    private static final Duration LONGEST_CALL = Duration.ofDays(1);

    private MetadataMatcher() {
    }

    /** Stores a start or stop; a start or stop delivered again changes nothing. */
    static MetadataEntity store(EntityManager em, MetadataMessage m, Long serviceId) {
        MetadataEntity row = blank(m.recid()) ? null : em.createQuery(
                "SELECT m FROM MetadataEntity m WHERE m.recid = :recid ORDER BY m.id DESC", MetadataEntity.class)
                .setParameter("recid", m.recid()).setMaxResults(1).getResultList().stream().findFirst().orElse(null);
        if (row == null && m.stage() == TapeStage.STOP) {
            row = em.createQuery("SELECT m FROM MetadataEntity m WHERE m.state = 'START' AND m.timestamp = :ts"
                    + " AND m.localParty = :lp ORDER BY m.id DESC", MetadataEntity.class).setParameter("ts", m.timestamp())
                    .setParameter("lp", m.localParty()).setMaxResults(1).getResultList().stream().findFirst().orElse(null);
        }
        if (row != null && (m.stage() == TapeStage.START || "STOP".equals(row.state) && row.duration == m.durationSeconds())) {
            return row;
        }
        if (row == null) {
            row = new MetadataEntity();
            row.recid = blank(m.recid()) ? null : m.recid();
            row.receivedAt = Instant.now();
        }
        row.state = m.stage() == TapeStage.STOP ? "STOP" : "START";
        row.timestamp = m.timestamp();
        row.duration = m.durationSeconds();
        row.localParty = m.localParty();
        row.localEntryPoint = m.localEntryPoint();
        row.remoteParty = m.remoteParty();
        row.direction = m.direction().code();
        row.loginString = m.loginString();
        row.portName = m.capturePort();
        row.nativeCallId = m.nativeCallId();
        row.serviceId = serviceId;
        row.tags = encode(m.tags());
        if (row.id == null) {
            em.persist(row);
        }
        em.flush();
        return row;
    }

    /** The metadata that makes a tape's segments: rows matched to it before, and stopped unmatched rows overlapping it. */
    static List<MetadataEntity> forTape(EntityManager em, TapeEntity tape) {
        Instant start = tape.timestamp.minus(TOLERANCE);
        Instant end = tape.timestamp.plusSeconds(tape.duration).plus(TOLERANCE);
        List<MetadataEntity> found = new ArrayList<>(em.createQuery("SELECT m FROM MetadataEntity m WHERE m.tapeId = :tape",
                MetadataEntity.class).setParameter("tape", tape.id).getResultList());
        for (MetadataEntity md : em.createQuery("SELECT m FROM MetadataEntity m WHERE m.tapeId IS NULL AND m.state = 'STOP'"
                + " AND m.timestamp >= :earliest AND m.timestamp < :end"
                + " AND (m.localParty = :lp OR m.portName = :port OR m.nativeCallId = :callid)", MetadataEntity.class)
                .setParameter("earliest", tape.timestamp.minus(LONGEST_CALL)).setParameter("end", end)
                .setParameter("lp", tape.localParty).setParameter("port", tape.portName)
                .setParameter("callid", tape.nativeCallId).getResultList()) {
            if (md.timestamp.plusSeconds(md.duration).isAfter(start)) {
                md.tapeId = tape.id;
                found.add(md);
            }
        }
        found.sort(Comparator.comparing((MetadataEntity m) -> m.timestamp).thenComparing(m -> m.id));
        return found;
    }

    /**
     * Matches a stopped metadata row to the recording it overlaps most; when that recording is stored and kept, the
     * metadata becomes its segment.
     *
     * @return the tape matched, or null
     */
    static TapeEntity match(EntityManager em, MetadataEntity md, Directory directory) {
        Instant start = md.timestamp.minus(TOLERANCE);
        Instant end = md.timestamp.plusSeconds(md.duration).plus(TOLERANCE);
        TapeEntity best = null;
        long bestOverlap = -1;
        for (TapeEntity tape : em.createQuery("SELECT t FROM TapeEntity t WHERE t.timestamp >= :earliest AND t.timestamp < :end"
                + " AND (t.localParty = :lp OR t.portName = :port OR t.nativeCallId = :callid)", TapeEntity.class)
                .setParameter("earliest", md.timestamp.minus(LONGEST_CALL)).setParameter("end", end)
                .setParameter("lp", md.localParty).setParameter("port", md.portName)
                .setParameter("callid", md.nativeCallId).getResultList()) {
            Instant tapeEnd = tape.timestamp.plusSeconds(tape.duration);
            long overlap = Duration.between(max(start, tape.timestamp), min(end, tapeEnd)).toMillis();
            if (tapeEnd.isAfter(start) && overlap > bestOverlap) {
                best = tape;
                bestOverlap = overlap;
            }
        }
        if (best == null) {
            return null;
        }
        md.tapeId = best.id;
        if ("READY".equals(best.state) && Boolean.TRUE.equals(best.kept)) {
            List<SegmentEntity> segments = em.createQuery("SELECT s FROM SegmentEntity s WHERE s.tapeId = :tape ORDER BY s.id",
                    SegmentEntity.class).setParameter("tape", best.id).getResultList();
            SegmentEntity any = segments.isEmpty() ? null : segments.get(0);
            List<Long> programs = any == null ? List.of() : em.createQuery(
                    "SELECT p.progId FROM ProgramToSegmentEntity p WHERE p.segId = :seg", Long.class)
                    .setParameter("seg", any.id).getResultList();
            for (SegmentEntity s : segments) {
                if (s.metadataId == null) {
                    em.remove(s);
                }
            }
            SegmentEntity segment = SegmentWriter.fromMetadata(best, null, any == null ? null : any.portId, md, directory);
            segment.sessionId = any == null ? null : any.sessionId;
            SegmentWriter.persist(em, segment, List.of());
            for (Long program : programs) {
                ProgramToSegmentEntity link = new ProgramToSegmentEntity();
                link.segId = segment.id;
                link.progId = program;
                em.persist(link);
            }
        }
        return best;
    }

    /** The tags a metadata row carries. */
    static List<TagEntry> tags(MetadataEntity md) {
        List<TagEntry> tags = new ArrayList<>();
        if (md.tags != null) {
            for (String line : md.tags.split("\n")) {
                if (!line.isEmpty()) {
                    tags.add(TagEntry.parse(line));
                }
            }
        }
        return tags;
    }

    private static String encode(List<TagEntry> tags) {
        StringBuilder out = new StringBuilder();
        for (TagEntry tag : tags) {
            out.append(tag.type()).append(':').append(tag.text().replace('\n', ' ')).append('\n');
        }
        return out.length() == 0 ? null : out.toString();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
