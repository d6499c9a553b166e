package org.oreka.audio.session.internal.command;

import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.oreka.audio.session.internal.OrekaConfigXml;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** {@code oreka:import-config}: copies the settings of an Oreka config.xml into this platform's configuration. */
@Service
@Command(scope = "oreka", name = "import-config", description = "Imports an existing Oreka config.xml into etc/ (the settings apply at once)")
public class ImportConfigCommand implements Action {

    @Reference
    ConfigurationAdmin configurationAdmin;

    @Argument(index = 0, name = "config.xml", description = "Path of the Oreka config.xml", required = true)
    @Completion(FileCompleter.class)
    String file;

    @Option(name = "--dry-run", description = "Show what would be imported without changing anything")
    boolean dryRun;

    @Override
    public Object execute() throws Exception {
        OrekaConfigXml.Import imported = OrekaConfigXml.read(Path.of(file));
        for (Map.Entry<String, Map<String, String>> pid : imported.byPid().entrySet()) {
            System.out.println(pid.getKey() + ":");
            pid.getValue().forEach((key, value) -> System.out.println("  " + key + " = " + value));
            if (!dryRun) {
                Configuration configuration = configurationAdmin.getConfiguration(pid.getKey(), null);
                Dictionary<String, Object> current = configuration.getProperties();
                Hashtable<String, Object> properties = new Hashtable<>();
                if (current != null) {
                    for (var keys = current.keys(); keys.hasMoreElements();) {
                        String key = keys.nextElement();
                        properties.put(key, current.get(key));
                    }
                }
                properties.putAll(pid.getValue());
                configuration.update(properties);
            }
        }
        if (!imported.ignored().isEmpty()) {
            System.out.println("Not used by this platform: " + String.join(", ", imported.ignored().keySet()));
        }
        System.out.println(dryRun ? "Nothing changed (dry run)." : "Imported.");
        return null;
    }
}
