package org.oreka.track.storage;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Live Monitoring: users' live status ({@code cmd=livestatus}) and the keep/discard/neither controls. */
@ProviderType
public interface LiveMonitoring {

    /** Elapsed seconds the API reports for "more than a day" or "never". */
    long OVER_A_DAY = 86401;

    /**
     * The status of each requested user, in order: an entry is a login string (local party) or, when no login
     * string matches, a user id.
     *
     * @param withDiskUsage whether to add each user's disk usage (the user disk quota feature)
     */
    List<UserLiveStatus> statuses(List<String> users, boolean withDiskUsage);

    /**
     * Applies a keep/discard/neither decision to the user's call shown {@code elapsedSeconds} into it: its live
     * call, or when that call has just ended the one that was live then; with no such call the decision waits
     * for the user's next call.
     *
     * @return the orkuid decided on, or null when the decision waits for the next call
     * @throws TrackException ERROR_NO_USER_FOUND when no user has that id
     */
    String decide(long userId, LiveDecision decision, Long elapsedSeconds);
}
