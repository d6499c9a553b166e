package org.oreka.track.storage;

/**
 * One entry of {@code cmd=livestatus}: a user or local party, its live call if it has one, and its Live
 * Monitoring status.
 *
 * @param requested the user id or login string as asked
 * @param localParty the local party whose calls are followed (a login string, or the device of an agent)
 * @param call the live call, or null when inactive
 * @param recorder the recorder holding the call, or null
 * @param status the keep/discard status: of the live call, or the one the next call will get
 * @param elapsedSeconds since the call began when active, since the last call ended when inactive
 * @param diskSpaceUsedKb the user's recordings on disk, or null when not known
 */
public record UserLiveStatus(String requested, String localParty, LiveCall call, Recorder recorder, LiveDecision status,
        long elapsedSeconds, Long diskSpaceUsedKb) {

    /** Whether the user is in a call now. */
    public boolean active() {
        return call != null;
    }
}
