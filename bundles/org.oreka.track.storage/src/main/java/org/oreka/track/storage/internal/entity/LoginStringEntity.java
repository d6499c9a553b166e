package org.oreka.track.storage.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code orkloginstring}: a number, URI or agent id that identifies a user. */
@Entity
@Table(name = "orkloginstring")
public class LoginStringEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String loginString;
    @Column(name = "user_id")
    public Long userId;
    @Column(name = "domain_id")
    public Long domainId;
}
