package org.oreka.track.command.internal;

import java.time.Instant;

import org.oreka.protocol.Command;
import org.oreka.protocol.CommandRequest;
import org.oreka.protocol.CommandResponse;
import org.oreka.track.storage.CtiMetadata;
import org.oreka.track.storage.Direction;
import org.oreka.track.storage.MetadataMessage;
import org.oreka.track.storage.TapeStage;
import org.oreka.track.storage.TrackException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code type=metadata}: a CTI system's start or stop of a call segment, with the tape message's fields; a stop
 * is matched to the recording it overlaps.
 */
@Component(service = Command.class, property = {Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_TRACKER, Command.PROPERTY_NAME + "=metadata"})
public class MetadataCommand extends TrackCommand {

    private final CtiMetadata metadata;

    @Activate
    public MetadataCommand(@Reference CtiMetadata metadata) {
        this.metadata = metadata;
    }

    @Override
    String responseClass() {
        return "metadataresponse";
    }

    @Override
    CommandResponse run(CommandRequest request) {
        String stageText = Parameters.required(request, "stage");
        TapeStage stage = TapeStage.parse(stageText).filter(s -> s == TapeStage.START || s == TapeStage.STOP)
                .orElseThrow(() -> new TrackException(Parameters.INVALID, "stage must be start or stop, not '" + stageText + "'"));
        Instant timestamp = Parameters.time(request, "timestamp");
        if (timestamp == null) {
            throw new TrackException(Parameters.MISSING, "timestamp is missing");
        }
        Long duration = Parameters.number(request, "duration");
        long id = metadata.ingest(new MetadataMessage(Parameters.text(request, "recid"), stage, timestamp,
                duration == null ? 0 : duration, Parameters.text(request, "localparty"),
                Parameters.text(request, "localentrypoint"), Parameters.text(request, "remoteparty"),
                Direction.parse(Parameters.text(request, "direction")), Parameters.text(request, "loginstring"),
                Parameters.text(request, "captureport"), Parameters.text(request, "nativecallid"),
                Parameters.text(request, "service"), TapeCommand.tags(Parameters.text(request, "tags"))));
        return ok("").with("id", Long.toString(id));
    }
}
