package org.oreka.track.storage.internal.entity;

import java.io.Serializable;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** A row of {@code orkusergroup}: a user belongs to a regular group. */
@Entity
@Table(name = "orkusergroup")
@IdClass(UserGroupEntity.Key.class)
public class UserGroupEntity {
    @Id
    @Column(name = "user_id")
    public long userId;
    @Id
    @Column(name = "group_id")
    public long groupId;

    /** The composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public long userId;
        public long groupId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.userId == userId && k.groupId == groupId;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(userId) * 31 + Long.hashCode(groupId);
        }
    }
}
