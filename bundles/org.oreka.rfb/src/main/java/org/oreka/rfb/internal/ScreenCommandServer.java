package org.oreka.rfb.internal;

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
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Serves the screen recorder's command API on {@code HttpServerPort} (59170): every request, whatever its path, is
 * dispatched by its {@code type} parameter to the OrkRfb {@link Command} of that name; the port moves when the setting
 * changes.
 */
@Component(service = {}, configurationPid = ScreenRecorder.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class ScreenCommandServer {

    /** The command API keys of {@code org.oreka.rfb} (the metatype of the PID is {@link ScreenRecorder.Config}). */
    @ObjectClassDefinition(name = "Oreka screen recorder command API")
    public @interface Config {
        @AttributeDefinition(description = "TCP port of the command API")
        int HttpServerPort() default 59170;

        @AttributeDefinition(description = "Addresses (CIDR list) allowed to call the command API")
        String AllowedClients() default ClientGuard.DEFAULT_ALLOWED_CLIENTS;

        @AttributeDefinition(description = "Shared token callers must send as token=... or X-Oreka-Token; empty for none")
        String ApiToken() default "";
    }

    private final PlainCommandPort commands =
            new PlainCommandPort(Command.ENDPOINT_SCREEN_RECORDER, "the screen recorder command API");

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
            target = "(" + Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_SCREEN_RECORDER + ")")
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
