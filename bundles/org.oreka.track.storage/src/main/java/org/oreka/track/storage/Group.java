package org.oreka.track.storage;

/**
 * A group of users (a row of {@code orkgroup}).
 *
 * @param id its row id
 * @param name its name (not unique)
 * @param security whether it is a security group
 * @param parentId the group it belongs to, or null
 */
public record Group(long id, String name, boolean security, Long parentId) {
}
