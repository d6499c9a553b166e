package org.oreka.track.storage.internal.entity;

import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code orkport}: a recording port, known by the names in {@link PortFaceEntity}. */
@Entity
@Table(name = "orkport")
public class PortEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
}
