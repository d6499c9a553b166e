package org.oreka.track.command.internal;

import org.oreka.protocol.CommandRequest;
import org.oreka.protocol.CommandResponse;
import org.oreka.track.storage.LiveDecision;
import org.oreka.track.storage.LiveMonitoring;
import org.oreka.track.storage.TrackException;

/**
 * {@code cmd=keep|discard|neither&userid=&elapsedtime=}: the Live Monitoring buttons, deciding whether the user's
 * call shown that many seconds into it is kept whatever the programs say, discarded, or left to the programs.
 */
abstract class LiveDecisionCommand extends TrackCommand {

    private final LiveMonitoring monitoring;
    private final LiveDecision decision;

    LiveDecisionCommand(LiveMonitoring monitoring, LiveDecision decision) {
        this.monitoring = monitoring;
        this.decision = decision;
    }

    @Override
    String responseClass() {
        return "simpleresponse";
    }

    @Override
    CommandResponse run(CommandRequest request) {
        Long user = Parameters.number(request, "userid");
        if (user == null) {
            throw new TrackException(Parameters.MISSING, "userid is missing");
        }
        Long elapsed = Parameters.number(request, "elapsedtime");
        String orkuid = monitoring.decide(user, decision, elapsed);
        return orkuid == null ? ok("no call now: applies to the user's next call").with("orkuid", "")
                : ok("").with("orkuid", orkuid);
    }
}
