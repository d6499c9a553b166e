package org.oreka.track.storage.internal.entity;

import java.time.Instant;

import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

/** A row of {@code orksession}: a call, grouping its segments. */
@Entity
@Table(name = "orksession")
public class SessionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "orksession_seq")
    @SequenceGenerator(name = "orksession_seq", sequenceName = "orksession_seq", allocationSize = 50)
    public Long id;
    public Instant timestamp;
    public long duration;
}
