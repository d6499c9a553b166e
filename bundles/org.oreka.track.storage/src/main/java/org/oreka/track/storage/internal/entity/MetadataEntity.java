package org.oreka.track.storage.internal.entity;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code orkmetadata}: a call segment as a CTI system reported it, and the recording it matched. */
@Entity
@Table(name = "orkmetadata")
public class MetadataEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String recid;
    public String state;
    public Instant timestamp;
    public long duration;
    public String localParty;
    public String localEntryPoint;
    public String remoteParty;
    public short direction;
    public String loginString;
    public String portName;
    public String nativeCallId;
    @Column(name = "service_id")
    public Long serviceId;
    public String tags;
    @Column(name = "tape_id")
    public Long tapeId;
    public Instant receivedAt;
}
