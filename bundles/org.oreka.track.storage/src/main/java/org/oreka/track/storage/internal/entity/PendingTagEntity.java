package org.oreka.track.storage.internal.entity;

import java.time.Instant;

import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code orkpendingtag}: a tag for future recordings that get the tag findTagType:findTagText. */
@Entity
@Table(name = "orkpendingtag")
public class PendingTagEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String findTagType;
    public String findTagText;
    public String tagType;
    public String tagText;
    public Instant createdAt;
}
