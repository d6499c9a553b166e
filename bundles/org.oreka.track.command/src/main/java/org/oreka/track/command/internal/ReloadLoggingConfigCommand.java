package org.oreka.track.command.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Properties;

import org.oreka.protocol.Command;
import org.oreka.protocol.CommandRequest;
import org.oreka.protocol.CommandResponse;
import org.oreka.track.storage.TrackException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code cmd=reloadloggingconfig}: reads {@code etc/org.ops4j.pax.logging.cfg} again and applies it to the
 * running logging service, so edited log levels and appenders take effect without a restart.
 */
@Component(service = Command.class, property = {Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_TRACKER, Command.PROPERTY_NAME + "=reloadloggingconfig"})
public class ReloadLoggingConfigCommand extends TrackCommand {

    static final String LOGGING_PID = "org.ops4j.pax.logging";

    private final ConfigurationAdmin configurationAdmin;

    @Activate
    public ReloadLoggingConfigCommand(@Reference ConfigurationAdmin configurationAdmin) {
        this.configurationAdmin = configurationAdmin;
    }

    @Override
    String responseClass() {
        return "simpleresponse";
    }

    @Override
    CommandResponse run(CommandRequest request) {
        String etc = System.getProperty("karaf.etc");
        if (etc == null) {
            throw new TrackException("ERROR_RELOADING_LOGGING", "not running in Karaf: karaf.etc is not set");
        }
        Path file = Path.of(etc, LOGGING_PID + ".cfg");
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new TrackException("ERROR_RELOADING_LOGGING", "cannot read " + file + ": " + e.getMessage());
        }
        Hashtable<String, Object> values = new Hashtable<>();
        properties.forEach((k, v) -> values.put(k.toString(), substitute(v.toString())));
        try {
            Configuration config = configurationAdmin.getConfiguration(LOGGING_PID, null);
            config.update(values);
        } catch (IOException e) {
            throw new TrackException("ERROR_RELOADING_LOGGING", "cannot apply the logging configuration: " + e.getMessage());
        }
        return ok("reloaded " + file.getFileName() + " (" + values.size() + " settings)");
    }

    /** Replaces {@code ${name}} with the system property, as Karaf does when it reads etc/ files. */
    static String substitute(String value) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            int start = value.indexOf("${", i);
            int end = start < 0 ? -1 : value.indexOf('}', start);
            if (start < 0 || end < 0) {
                out.append(value, i, value.length());
                break;
            }
            String name = value.substring(start + 2, end);
            out.append(value, i, start).append(System.getProperty(name, "${" + name + "}"));
            i = end + 1;
        }
        return out.toString();
    }
}
