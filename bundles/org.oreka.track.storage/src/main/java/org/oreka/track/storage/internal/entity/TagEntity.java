package org.oreka.track.storage.internal.entity;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

/** A row of {@code orktag}: a tag on a recording. */
@Entity
@Table(name = "orktag")
public class TagEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "orktag_seq")
    @SequenceGenerator(name = "orktag_seq", sequenceName = "orktag_seq", allocationSize = 50)
    public Long id;
    @Column(name = "tagtype_id")
    public long tagTypeId;
    public String text;
    @Column(name = "tape_id")
    public long tapeId;
    public Long offsetMsec;
    public Instant timestamp;
}
