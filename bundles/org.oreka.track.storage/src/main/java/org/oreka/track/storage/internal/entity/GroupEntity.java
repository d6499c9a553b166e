package org.oreka.track.storage.internal.entity;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code orkgroup}: a regular or security group. */
@Entity
@Table(name = "orkgroup")
public class GroupEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    public String description;
    public boolean security;
    @Column(name = "parent_id")
    public Long parentId;
    public Instant dateCreated;
}
