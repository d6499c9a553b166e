package org.oreka.track.storage.internal.entity;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code orkagentlogin}: an agent's login at a device and/or workstation, current until logoutTime is set. */
@Entity
@Table(name = "orkagentlogin")
public class AgentLoginEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String agent;
    public String device;
    public String agentGroup;
    @Column(name = "workstation_id")
    public Long workstationId;
    public Integer rfbPort;
    public Instant loginTime;
    public Instant logoutTime;
}
