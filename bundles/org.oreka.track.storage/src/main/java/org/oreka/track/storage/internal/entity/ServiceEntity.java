package org.oreka.track.storage.internal.entity;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code orkservice}: a recorder or other service that reports to OrkTrack. */
@Entity
@Table(name = "orkservice")
public class ServiceEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false, unique = true)
    public String name;
    public String hostname;
    public Integer tcpPort;
    public String fileServeProtocol;
    public Integer fileServeTcpPort;
    public String fileServePath;
    public String contextPath;
    public String serviceClass;
    public boolean recordMaster;
    public Integer streamingPort;
    public String absolutePath;
    public Instant lastSeen;
}
