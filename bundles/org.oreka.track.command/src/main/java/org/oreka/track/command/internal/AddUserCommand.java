package org.oreka.track.command.internal;

import org.oreka.protocol.Command;
import org.oreka.protocol.CommandRequest;
import org.oreka.protocol.CommandResponse;
import org.oreka.track.storage.User;
import org.oreka.track.storage.UserDirectory;
import org.oreka.track.storage.UserUpdate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code cmd=adduser}: adds the user of a login string, or updates the one that has it with only the parameters
 * given; joins a regular group (created when missing) and sets the security group (when it exists).
 */
@Component(service = Command.class, property = {Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_TRACKER, Command.PROPERTY_NAME + "=adduser"})
public class AddUserCommand extends TrackCommand {

    private final UserDirectory users;

    @Activate
    public AddUserCommand(@Reference UserDirectory users) {
        this.users = users;
    }

    @Override
    String responseClass() {
        return "userresponse";
    }

    @Override
    CommandResponse run(CommandRequest request) {
        User user = users.save(new UserUpdate(Parameters.text(request, "loginstring"), Parameters.text(request, "firstname"),
                Parameters.text(request, "lastname"), Parameters.text(request, "email"), Parameters.bool(request, "recordable"),
                Parameters.bool(request, "external"), Parameters.text(request, "groupname"),
                Parameters.text(request, "securitygroupname"), null));
        return ok("").with("userid", Long.toString(user.id()));
    }
}
