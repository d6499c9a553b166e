package org.oreka.track.storage.internal.entity;

import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code orkworkstation}: a desktop whose screen can be recorded. */
@Entity
@Table(name = "orkworkstation")
public class WorkstationEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    public String hostname;
    public int rfbPort;
    public String description;
}
