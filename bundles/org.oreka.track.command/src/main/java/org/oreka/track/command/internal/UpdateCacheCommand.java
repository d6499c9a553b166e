package org.oreka.track.command.internal;

import org.oreka.protocol.Command;
import org.oreka.protocol.CommandRequest;
import org.oreka.protocol.CommandResponse;
import org.oreka.track.storage.Programs;
import org.oreka.track.storage.TrackException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code cmd=updatecache}: reloads users, groups, ports and programs from the database now; with
 * {@code cache=programsremoteparty} only the programs' remote party lists.
 */
@Component(service = Command.class, property = {Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_TRACKER, Command.PROPERTY_NAME + "=updatecache"})
public class UpdateCacheCommand extends TrackCommand {

    private final Programs programs;

    @Activate
    public UpdateCacheCommand(@Reference Programs programs) {
        this.programs = programs;
    }

    @Override
    String responseClass() {
        return "simpleresponse";
    }

    @Override
    CommandResponse run(CommandRequest request) {
        String cache = Parameters.text(request, "cache");
        if (cache == null) {
            programs.reloadCaches();
            return ok("users, groups, ports and programs reloaded");
        }
        if (cache.equalsIgnoreCase("programsremoteparty")) {
            programs.reloadRemotePartyLists();
            return ok("programs' remote party lists reloaded");
        }
        throw new TrackException(Parameters.INVALID, "cache must be empty or programsremoteparty, not '" + cache + "'");
    }
}
