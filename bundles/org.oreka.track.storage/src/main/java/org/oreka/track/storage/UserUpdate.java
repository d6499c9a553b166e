package org.oreka.track.storage;

import java.util.List;

/**
 * A user to add or update, keyed by a login string; a null field is left as it is (or takes its default for
 * a new user).
 *
 * @param loginString the login string that finds the user (mandatory)
 * @param firstname the first name
 * @param lastname the last name
 * @param email the e-mail address
 * @param recordable whether the user's calls are recorded (default true)
 * @param external whether external provisioning may update the user (default false)
 * @param groupName a regular group to put the user in, created when missing, skipped when ambiguous
 * @param securityGroupName the user's security group, which must exist; skipped when missing or ambiguous
 * @param extraLoginStrings more login strings of the same user (user import)
 */
public record UserUpdate(String loginString, String firstname, String lastname, String email, Boolean recordable,
        Boolean external, String groupName, String securityGroupName, List<String> extraLoginStrings) {

    public UserUpdate {
        extraLoginStrings = extraLoginStrings == null ? List.of() : List.copyOf(extraLoginStrings);
    }
}
