package org.oreka.track.storage.internal.entity;

import java.io.Serializable;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** A row of {@code orkprogtoseg}: a program kept a segment. */
@Entity
@Table(name = "orkprogtoseg")
@IdClass(ProgramToSegmentEntity.Key.class)
public class ProgramToSegmentEntity {
    @Id
    public long segId;
    @Id
    public long progId;

    /** The composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public long segId;
        public long progId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.segId == segId && k.progId == progId;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(segId) * 31 + Long.hashCode(progId);
        }
    }
}
