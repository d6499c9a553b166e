package org.oreka.track.storage.internal.entity;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

/** A row of {@code orkuser}. */
@Entity
@Table(name = "orkuser")
@DynamicUpdate
public class UserEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String firstname;
    public String lastname;
    public String email;
    public String password;
    public boolean recordable = true;
    public String nextCallDecision = "NEITHER";
    public boolean externalUser;
    public boolean disabled;
    public boolean deleted;
    @Column(name = "securityGroup_id")
    public Long securityGroupId;
    public Instant dateCreated;
    public Instant dateDisabled;
    public Instant dateDeleted;
    public boolean admin;
    public int failedLogins;
    public Instant lockedUntil;
}
