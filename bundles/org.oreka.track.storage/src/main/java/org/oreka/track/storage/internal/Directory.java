package org.oreka.track.storage.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable snapshot of who is who, for the per-message decisions of ingestion and live monitoring: which
 * user has a login string, whether it is recordable, its groups, and the recording ports by name.
 */
record Directory(Map<String, Long> userOfLoginString, Map<Long, UserFlags> users, Map<Long, List<String>> loginStrings,
        Map<Long, Set<Long>> groupsOfUser, Map<String, Long> portsByName) {

    static final Directory EMPTY = new Directory(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    /** What decisions need to know of a user. */
    record UserFlags(boolean recordable, boolean active) {
    }

    /** The user that has a login string, or null. */
    Long userOf(String loginString) {
        return loginString == null ? null : userOfLoginString.get(loginString);
    }

    UserFlags flags(Long userId) {
        return userId == null ? null : users.get(userId);
    }

    List<String> loginStringsOf(long userId) {
        return loginStrings.getOrDefault(userId, List.of());
    }

    Set<Long> groupsOf(Long userId) {
        return userId == null ? Set.of() : groupsOfUser.getOrDefault(userId, Set.of());
    }
}
