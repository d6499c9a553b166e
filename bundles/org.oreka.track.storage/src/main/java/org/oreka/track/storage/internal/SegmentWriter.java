package org.oreka.track.storage.internal;

import java.time.Duration;
import java.util.List;

import javax.persistence.EntityManager;

import org.oreka.track.storage.internal.entity.MetadataEntity;
import org.oreka.track.storage.internal.entity.ProgramToSegmentEntity;
import org.oreka.track.storage.internal.entity.SegmentEntity;
import org.oreka.track.storage.internal.entity.SessionEntity;
import org.oreka.track.storage.internal.entity.TapeEntity;

/**
 * Creates the searchable segments of a kept recording: one for the whole tape, or one per CTI metadata segment
 * matched to it; each in the recording's session, linked to the programs that kept it.
 */
final class SegmentWriter {

    private SegmentWriter() {
    }

    /** Writes the segments of a kept tape. */
    static void write(EntityManager em, TapeEntity tape, Owner owner, Long portId, List<MetadataEntity> cti,
            List<ProgramRules.Acceptance> keptBy, Directory directory) {
        SessionEntity session = new SessionEntity();
        session.timestamp = tape.timestamp;
        session.duration = tape.duration;
        em.persist(session);
        if (cti.isEmpty()) {
            SegmentEntity whole = segment(tape, session, portId);
            whole.userId = owner.userId();
            whole.loginString = owner.loginString();
            persist(em, whole, keptBy);
            return;
        }
        for (MetadataEntity md : cti) {
            persist(em, fromMetadata(tape, session, portId, md, directory), keptBy);
        }
    }

    /** A segment for a CTI metadata row matched to a stored tape. */
    static SegmentEntity fromMetadata(TapeEntity tape, SessionEntity session, Long portId, MetadataEntity md,
            Directory directory) {
        SegmentEntity s = segment(tape, session, portId);
        s.timestamp = md.timestamp;
        s.duration = md.duration;
        long offset = Duration.between(tape.timestamp, md.timestamp).toMillis();
        s.tapeOffset = Math.max(0, offset);
        s.sessionOffset = s.tapeOffset;
        s.localParty = first(md.localParty, tape.localParty);
        s.localEntryPoint = first(md.localEntryPoint, tape.localEntryPoint);
        s.remoteParty = first(md.remoteParty, tape.remoteParty);
        s.direction = md.direction != 3 ? md.direction : tape.direction;
        s.loginString = first(md.loginString, s.localParty);
        s.userId = directory.userOf(s.loginString);
        s.metadataId = md.id;
        return s;
    }

    static void persist(EntityManager em, SegmentEntity segment, List<ProgramRules.Acceptance> keptBy) {
        em.persist(segment);
        for (ProgramRules.Acceptance a : keptBy) {
            ProgramToSegmentEntity link = new ProgramToSegmentEntity();
            link.segId = segment.id;
            link.progId = a.programId();
            em.persist(link);
        }
    }

    private static SegmentEntity segment(TapeEntity tape, SessionEntity session, Long portId) {
        SegmentEntity s = new SegmentEntity();
        s.sessionId = session == null ? null : session.id;
        s.tapeId = tape.id;
        s.timestamp = tape.timestamp;
        s.duration = tape.duration;
        s.localParty = tape.localParty;
        s.localEntryPoint = tape.localEntryPoint;
        s.remoteParty = tape.remoteParty;
        s.direction = tape.direction;
        s.portName = tape.portName;
        s.portId = portId;
        return s;
    }

    private static String first(String preferred, String fallback) {
        return preferred == null || preferred.isBlank() ? fallback : preferred;
    }
}
