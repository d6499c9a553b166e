package org.oreka.web.internal;

import java.util.Map;
import java.util.Optional;

import org.oreka.track.storage.LiveCall;
import org.oreka.track.storage.User;
import org.oreka.track.storage.UserDirectory;
import org.oreka.track.storage.Visibility;

/** Which live calls a viewer may see: those of a user (by the call's local party) whose recordings it may see. */
final class LiveCallVisibility {

    private LiveCallVisibility() {
    }

    /**
     * Whether the call is visible.
     *
     * @param usersByParty the users found so far by local party, filled in (one lookup per party per page)
     */
    static boolean visible(UserDirectory users, LiveCall call, Visibility visibility, Map<String, Optional<User>> usersByParty) {
        if (visibility.everything()) {
            return true;
        }
        if (call.localParty() == null) {
            return false;
        }
        Optional<User> user = usersByParty.computeIfAbsent(call.localParty(), users::byLoginString);
        return user.isPresent() && visibility.sees(user.get().id());
    }
}
