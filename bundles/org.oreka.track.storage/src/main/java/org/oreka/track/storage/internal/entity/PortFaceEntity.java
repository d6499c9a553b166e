package org.oreka.track.storage.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code orkportface}: the name a recorder gives a recording port. */
@Entity
@Table(name = "orkportface")
public class PortFaceEntity {
    @Id
    public String name;
    @Column(name = "port_id")
    public long portId;
    @Column(name = "service_id")
    public Long serviceId;
}
