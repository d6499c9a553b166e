package org.oreka.track.storage;

import java.util.Set;

/**
 * Whose recordings someone may see: everyone's (an administrator) or those attributed to a set of users (a user's
 * own, plus every member of the regular groups, with their sub-groups, that the user's security group is allowed
 * to see). A segment belongs to the user OrkTrack attributed it to when it was recorded (through a login string);
 * a segment attributed to no one is visible to administrators only.
 *
 * @param everything whether every recording is visible
 * @param userIds the users whose recordings are visible when not everything is
 */
public record Visibility(boolean everything, Set<Long> userIds) {

    /** An administrator's view. */
    public static final Visibility ALL = new Visibility(true, Set.of());

    public Visibility {
        userIds = Set.copyOf(userIds);
    }

    /** Whether a segment attributed to that user (null: no one) is visible. */
    public boolean sees(Long userId) {
        return everything || userId != null && userIds.contains(userId);
    }
}
