package org.oreka.track.storage.internal.entity;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code orkprogram}: a rule that keeps the recordings it matches. */
@Entity
@Table(name = "orkprogram")
public class ProgramEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    public String description;
    public boolean discarded;
    public Instant timestamp;
    @Column(name = "creator_id")
    public Long creatorId;
    public boolean active;
    public short direction;
    public int minDuration;
    public int maxDuration;
    public double randomPercent;
    public String cycle;
    public String startDay;
    public String stopDay;
    public String startTime;
    public String stopTime;
    public int recPerCycle;
    public int recordedSoFar;
    public Instant cycleStart;
    public String localParty;
    public String remoteParty;
    public int keepForHours;
    @Column(name = "targetUser_id")
    public Long targetUserId;
    @Column(name = "targetGroup_id")
    public Long targetGroupId;
    @Column(name = "targetPort_id")
    public Long targetPortId;
}
