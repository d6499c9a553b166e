package org.oreka.audio.command.internal;

import java.util.Map;

import org.oreka.protocol.ClientGuard;
import org.oreka.protocol.Command;
import org.oreka.protocol.PlainCommandPort;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Serves the recorder's command API on {@code HttpServerPort} (59140): every request, whatever its path, is
 * dispatched by its {@code type} parameter to the recorder {@link Command} of that name.
 */
@Component(service = {}, configurationPid = RecorderCommandServer.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RecorderCommandServer.Config.class)
public class RecorderCommandServer {

    /** The recorder's main configuration. */
    public static final String PID = "org.oreka.audio";

    @ObjectClassDefinition(name = "Oreka recorder command API")
    public @interface Config {
        @AttributeDefinition(description = "TCP port of the command API")
        int HttpServerPort() default 59140;

        @AttributeDefinition(description = "Addresses (CIDR list) allowed to call the command API")
        String AllowedClients() default ClientGuard.DEFAULT_ALLOWED_CLIENTS;

        @AttributeDefinition(description = "Shared token callers must send as token=... or X-Oreka-Token; empty for none")
        String ApiToken() default "";
    }

    private final PlainCommandPort commands = new PlainCommandPort(Command.ENDPOINT_RECORDER, "the recorder command API");

    @Activate
    @Modified
    void configure(Config config) {
        commands.configure(config.HttpServerPort(), config.AllowedClients(), config.ApiToken());
    }

    @Deactivate
    void deactivate() {
        commands.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(" + Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_RECORDER + ")")
    void bindCommand(Command command, Map<String, Object> properties) {
        commands.bind(command, properties);
    }

    void unbindCommand(Command command, Map<String, Object> properties) {
        commands.unbind(command, properties);
    }

    /** The port listened on, or -1; for tests. */
    int port() {
        return commands.port();
    }
}
