package org.oreka.track.command.internal;

import org.oreka.protocol.Command;
import org.oreka.protocol.CommandRequest;
import org.oreka.protocol.CommandResponse;
import org.oreka.track.storage.UserDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code cmd=addloginstring&findloginstring=...&newloginstring=...}: more login strings for an existing user. */
@Component(service = Command.class, property = {Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_TRACKER, Command.PROPERTY_NAME + "=addloginstring"})
public class AddLoginStringCommand extends TrackCommand {

    private final UserDirectory users;

    @Activate
    public AddLoginStringCommand(@Reference UserDirectory users) {
        this.users = users;
    }

    @Override
    String responseClass() {
        return "userresponse";
    }

    @Override
    CommandResponse run(CommandRequest request) {
        users.addLoginStrings(Parameters.required(request, "findloginstring"), Parameters.list(request, "newloginstring"));
        return ok("");
    }
}
