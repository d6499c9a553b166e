package org.oreka.track.storage.internal.entity;

import java.io.Serializable;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** A row of {@code orkprogramremoteparty}: one number of a program's remote party list. */
@Entity
@Table(name = "orkprogramremoteparty")
@IdClass(ProgramRemotePartyEntity.Key.class)
public class ProgramRemotePartyEntity {
    @Id
    @Column(name = "program_id")
    public long programId;
    @Id
    public String party;

    /** The composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public long programId;
        public String party;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.programId == programId && java.util.Objects.equals(k.party, party);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(programId) * 31 + java.util.Objects.hashCode(party);
        }
    }
}
