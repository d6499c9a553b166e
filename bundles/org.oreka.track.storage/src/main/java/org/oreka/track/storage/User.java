package org.oreka.track.storage;

import java.util.List;

/**
 * A user as OrkTrack keeps it (a row of {@code orkuser} with its login strings and groups).
 *
 * @param id its row id (the API's {@code userid})
 * @param firstname the first name
 * @param lastname the last name
 * @param email the e-mail address
 * @param recordable whether its calls are recorded
 * @param external whether external provisioning may update it
 * @param disabled whether it is disabled
 * @param deleted whether it is deleted
 * @param loginStrings its login strings, in the order they were added
 * @param groups the names of its regular groups
 * @param securityGroup the name of its security group, or null
 * @param admin whether it administers OrkWeb (sees every recording, manages users and settings)
 * @param hasPassword whether a password is set (only such users can log in to OrkWeb)
 */
public record User(long id, String firstname, String lastname, String email, boolean recordable, boolean external,
        boolean disabled, boolean deleted, List<String> loginStrings, List<String> groups, String securityGroup,
        boolean admin, boolean hasPassword) {

    public User {
        loginStrings = List.copyOf(loginStrings);
        groups = List.copyOf(groups);
    }

    /** A user that is not an administrator and has no password (provisioning, tests). */
    public User(long id, String firstname, String lastname, String email, boolean recordable, boolean external,
            boolean disabled, boolean deleted, List<String> loginStrings, List<String> groups, String securityGroup) {
        this(id, firstname, lastname, email, recordable, external, disabled, deleted, loginStrings, groups, securityGroup,
                false, false);
    }

    /** Whether the user is in service: neither disabled nor deleted. */
    public boolean active() {
        return !disabled && !deleted;
    }
}
