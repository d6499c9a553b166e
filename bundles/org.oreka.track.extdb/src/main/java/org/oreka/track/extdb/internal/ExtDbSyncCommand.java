package org.oreka.track.extdb.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.oreka.protocol.Command;
import org.oreka.protocol.CommandRequest;
import org.oreka.protocol.CommandResponse;
import org.oreka.track.storage.TrackException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** {@code cmd=extdbsync&name=taskname}: runs the external database sync task of that name now. */
@Component(property = {Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_TRACKER, Command.PROPERTY_NAME + "=extdbsync"})
public class ExtDbSyncCommand implements Command {

    private static final String RESPONSE = "simpleresponse";

    private final Map<String, ExternalDatabaseTask> tasks = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindTask(ExternalDatabaseTask task) {
        tasks.put(task.name(), task);
    }

    void unbindTask(ExternalDatabaseTask task) {
        tasks.remove(task.name(), task);
    }

    @Override
    public CommandResponse execute(CommandRequest request) {
        String name = request.get("name", "").trim();
        ExternalDatabaseTask task = tasks.get(name);
        if (task == null) {
            return CommandResponse.failure(RESPONSE, "Error: ERROR_NO_SUCH_TASK: no external database task is named '" + name
                    + "'; configured: " + tasks.keySet()).with("returncode", "ERROR_NO_SUCH_TASK");
        }
        try {
            ExternalUserSync.Result result = task.run();
            return CommandResponse.success(RESPONSE, result.rows() + " rows: " + result.added() + " added, " + result.updated()
                    + " updated, " + result.skipped() + " skipped").with("returncode", "NO_ERROR")
                    .with("added", Integer.toString(result.added())).with("updated", Integer.toString(result.updated()))
                    .with("skipped", Integer.toString(result.skipped()));
        } catch (TrackException e) {
            return CommandResponse.failure(RESPONSE, "Error: " + e.returnCode() + ": " + e.getMessage())
                    .with("returncode", e.returnCode());
        }
    }
}
