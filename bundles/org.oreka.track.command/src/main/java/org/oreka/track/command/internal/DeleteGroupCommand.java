package org.oreka.track.command.internal;

import org.oreka.protocol.Command;
import org.oreka.protocol.CommandRequest;
import org.oreka.protocol.CommandResponse;
import org.oreka.track.storage.UserDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code cmd=deletegroup&groupname=Sales}: deletes the one regular group with that exact name. */
@Component(service = Command.class, property = {Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_TRACKER, Command.PROPERTY_NAME + "=deletegroup"})
public class DeleteGroupCommand extends TrackCommand {

    private final UserDirectory users;

    @Activate
    public DeleteGroupCommand(@Reference UserDirectory users) {
        this.users = users;
    }

    @Override
    String responseClass() {
        return "groupresponse";
    }

    @Override
    CommandResponse run(CommandRequest request) {
        users.deleteGroup(Parameters.required(request, "groupname"));
        return ok("");
    }
}
