package org.oreka.track.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The calls recorders are recording now (tapes started and not yet stopped), and the Live Monitoring
 * controls on them.
 */
@ProviderType
public interface LiveCalls {

    /** The live call of a local party; the most recent one when it has several. */
    Optional<LiveCall> byLocalParty(String localParty);

    /** The live call with that orkuid. */
    Optional<LiveCall> byOrkuid(String orkuid);

    /** Every live call, oldest first. */
    List<LiveCall> all();

    /** When a local party's last call ended, if OrkTrack saw one end. */
    Optional<Instant> lastCallEnd(String localParty);

    /** Records that recording of a live call was paused or resumed through OrkTrack. */
    void setPaused(String orkuid, boolean paused);
}
