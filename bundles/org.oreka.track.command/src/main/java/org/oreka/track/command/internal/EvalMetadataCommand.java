package org.oreka.track.command.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.oreka.protocol.Command;
import org.oreka.protocol.CommandRequest;
import org.oreka.protocol.CommandResponse;
import org.oreka.track.storage.CtiMetadata;
import org.oreka.track.storage.TrackException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code cmd=evalmetadata&ids=1,2,87}: matches (again) the CTI metadata with these ids, or with
 * {@code starttime} and {@code endtime} every metadata of that period, to recordings.
 */
@Component(service = Command.class, property = {Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_TRACKER, Command.PROPERTY_NAME + "=evalmetadata"})
public class EvalMetadataCommand extends TrackCommand {

    private final CtiMetadata metadata;

    @Activate
    public EvalMetadataCommand(@Reference CtiMetadata metadata) {
        this.metadata = metadata;
    }

    @Override
    String responseClass() {
        return "metadataresponse";
    }

    @Override
    CommandResponse run(CommandRequest request) {
        List<Long> ids = new ArrayList<>();
        for (String id : Parameters.list(request, "ids")) {
            try {
                ids.add(Long.parseLong(id));
            } catch (NumberFormatException e) {
                throw new TrackException(Parameters.INVALID, "ids must be metadata ids separated by commas, not '" + id + "'");
            }
        }
        Instant from = first(Parameters.time(request, "starttime"), Parameters.time(request, "startdate"));
        Instant to = first(Parameters.time(request, "endtime"), Parameters.time(request, "enddate"));
        int matched = metadata.evaluate(ids, from, to);
        return ok(matched + " matched").with("matched", Integer.toString(matched));
    }

    private static Instant first(Instant a, Instant b) {
        return a != null ? a : b;
    }
}
