package org.oreka.track.storage.internal.entity;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

/** A row of {@code orktape}: one recording as its recorder reported it. */
@Entity
@Table(name = "orktape")
@DynamicUpdate
public class TapeEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "orktape_seq")
    @SequenceGenerator(name = "orktape_seq", sequenceName = "orktape_seq", allocationSize = 50)
    public Long id;
    public String recid;
    public Instant timestamp;
    public long duration;
    public String filename;
    @Column(name = "service_id")
    public Long serviceId;
    public String localParty;
    public String localEntryPoint;
    public String remoteParty;
    public short direction;
    public String portName;
    public String nativeCallId;
    public String state;
    public Instant expiryTimestamp;
    public String localIp;
    public String remoteIp;
    public String hostname;
    public String mediaType;
    public boolean onDemand;
    public String side;
    public boolean onHold;
    public String liveDecision;
    public Boolean kept;
    public Long fileSize;
    public Instant startedAt;
    public Instant stoppedAt;
    public Instant readyAt;
    /** A screen recording's call: that call's recid. */
    public String callRecid;
}
