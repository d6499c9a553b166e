package org.oreka.track.command.internal;

import org.oreka.protocol.Command;
import org.oreka.protocol.CommandRequest;
import org.oreka.protocol.CommandResponse;
import org.oreka.track.storage.TrackException;
import org.oreka.track.storage.User;
import org.oreka.track.storage.UserDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code cmd=queryuser&localparty=5001}: whether the user of a local party is recordable and active. */
@Component(service = Command.class, property = {Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_TRACKER, Command.PROPERTY_NAME + "=queryuser"})
public class QueryUserCommand extends TrackCommand {

    private final UserDirectory users;

    @Activate
    public QueryUserCommand(@Reference UserDirectory users) {
        this.users = users;
    }

    @Override
    String responseClass() {
        return "userresponse";
    }

    @Override
    CommandResponse run(CommandRequest request) {
        String party = Parameters.required(request, "localparty");
        User user = users.byLoginString(party).orElseThrow(() -> new TrackException("ERROR_NO_USER_FOUND_FOR_LOGINSTRING",
                "no user has the login string '" + party + "'"));
        return ok("").with("userid", Long.toString(user.id())).with("recordable", Boolean.toString(user.recordable()))
                .with("active", Boolean.toString(user.active()));
    }
}
