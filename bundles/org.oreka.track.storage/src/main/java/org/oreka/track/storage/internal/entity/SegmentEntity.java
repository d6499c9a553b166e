package org.oreka.track.storage.internal.entity;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

/** A row of {@code orksegment}: the part of a recording that belongs to one user, as searches list it. */
@Entity
@Table(name = "orksegment")
public class SegmentEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "orksegment_seq")
    @SequenceGenerator(name = "orksegment_seq", sequenceName = "orksegment_seq", allocationSize = 50)
    public Long id;
    @Column(name = "session_id")
    public Long sessionId;
    public long sessionOffset;
    @Column(name = "tape_id")
    public Long tapeId;
    public long tapeOffset;
    public Instant timestamp;
    public long duration;
    public String localParty;
    public String localEntryPoint;
    public String remoteParty;
    public short direction;
    @Column(name = "user_id")
    public Long userId;
    public String loginString;
    @Column(name = "port_id")
    public Long portId;
    public String portName;
    @Column(name = "metadata_id")
    public Long metadataId;
}
