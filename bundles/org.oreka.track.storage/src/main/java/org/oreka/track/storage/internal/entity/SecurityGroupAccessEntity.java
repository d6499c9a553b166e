package org.oreka.track.storage.internal.entity;

import java.io.Serializable;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** A row of {@code orksecuritygroupaccess}: a security group's members may see a regular group's recordings. */
@Entity
@Table(name = "orksecuritygroupaccess")
@IdClass(SecurityGroupAccessEntity.Key.class)
public class SecurityGroupAccessEntity {
    @Id
    @Column(name = "securityGroup_id")
    public long securityGroupId;
    @Id
    @Column(name = "group_id")
    public long groupId;

    /** The composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public long securityGroupId;
        public long groupId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.securityGroupId == securityGroupId && k.groupId == groupId;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(securityGroupId) * 31 + Long.hashCode(groupId);
        }
    }
}
