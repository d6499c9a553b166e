package org.oreka.track.storage.internal.entity;

import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code orktagtype}: a kind of tag ({@code dtmfdigit}, {@code CustomerNo}, ...). */
@Entity
@Table(name = "orktagtype")
public class TagTypeEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    public boolean system;
    public String description;
}
