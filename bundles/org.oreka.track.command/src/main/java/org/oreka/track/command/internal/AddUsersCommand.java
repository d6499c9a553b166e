package org.oreka.track.command.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.oreka.protocol.Command;
import org.oreka.protocol.CommandRequest;
import org.oreka.protocol.CommandResponse;
import org.oreka.track.storage.TrackException;
import org.oreka.track.storage.UserDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code cmd=addusers&file=users.csv&keeppls=true|false&recordable=...}: imports the users of a CSV file on the
 * server (see {@link UserCsv}); the file must be inside the configured import folder. {@code keeppls=true} adds
 * the imported login strings to existing users, false replaces theirs.
 */
@Component(service = Command.class, configurationPid = TrackCommandServlet.PID,
        property = {Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_TRACKER, Command.PROPERTY_NAME + "=addusers"})
public class AddUsersCommand extends TrackCommand {

    /** The import part of OrkTrack's configuration. */
    public @interface Config {
        /** The folder import files must be in; empty for {@code ${karaf.data}/import}. */
        String UserImportDirectory() default "";
    }

    private final UserDirectory users;
    private volatile Path folder;

    @Activate
    public AddUsersCommand(@Reference UserDirectory users, Config config) {
        this.users = users;
        configure(config);
    }

    @Modified
    void configure(Config config) {
        String configured = config.UserImportDirectory();
        folder = Path.of(configured.isBlank() ? System.getProperty("karaf.data", ".") + "/import" : configured)
                .toAbsolutePath().normalize();
    }

    @Override
    String responseClass() {
        return "userresponse";
    }

    @Override
    CommandResponse run(CommandRequest request) {
        Path file = confined(Parameters.required(request, "file"));
        boolean keep = !Boolean.FALSE.equals(Parameters.bool(request, "keeppls"));
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TrackException("ERROR_IMPORTING_USERS", "cannot read " + file.getFileName() + ": " + e.getMessage());
        }
        UserDirectory.ImportResult result = users.importUsers(UserCsv.parse(text, Parameters.bool(request, "recordable")), keep);
        return ok(result.added() + " added, " + result.updated() + " updated").with("added", Integer.toString(result.added()))
                .with("updated", Integer.toString(result.updated()));
    }

    /** The file, which must be a regular file inside the import folder (links resolved). */
    private Path confined(String name) {
        Path root = folder;
        try {
            Path file = root.resolve(name).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)
                    || !file.toRealPath().startsWith(root.toRealPath())) {
                throw new TrackException("ERROR_IMPORTING_USERS", "the file must be an existing file inside " + root);
            }
            return file;
        } catch (InvalidPathException | IOException e) {
            throw new TrackException("ERROR_IMPORTING_USERS", "the file must be an existing file inside " + root);
        }
    }
}
