package org.oreka.track.command.internal;

import org.oreka.protocol.Command;
import org.oreka.protocol.CommandRequest;
import org.oreka.protocol.CommandResponse;
import org.oreka.track.storage.TrackException;

/**
 * Base of OrkTrack's commands: answers with the command's response class and a {@code returncode}, and turns a
 * {@link TrackException} into a failed response naming its return code.
 */
abstract class TrackCommand implements Command {

    static final String NO_ERROR = "NO_ERROR";

    /** The response class this command answers with ({@code userresponse}, {@code groupresponse}, ...). */
    abstract String responseClass();

    /** Runs the command; returns a successful response or throws a {@link TrackException}. */
    abstract CommandResponse run(CommandRequest request);

    @Override
    public final CommandResponse execute(CommandRequest request) {
        try {
            return run(request);
        } catch (TrackException e) {
            return CommandResponse.failure(responseClass(), "Error: " + e.returnCode() + ": " + e.getMessage())
                    .with("returncode", e.returnCode());
        }
    }

    /** A successful response with {@code returncode=NO_ERROR}. */
    CommandResponse ok(String comment) {
        return CommandResponse.success(responseClass(), comment).with("returncode", NO_ERROR);
    }
}
