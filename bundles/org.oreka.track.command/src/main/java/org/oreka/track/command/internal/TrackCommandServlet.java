package org.oreka.track.command.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.oreka.protocol.ClientGuard;
import org.oreka.protocol.Command;
import org.oreka.protocol.CommandDispatcher;
import org.oreka.protocol.CommandRequest;
import org.oreka.protocol.CommandResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /orktrack/command}: takes the command name from {@code cmd}, {@code type} or {@code class} (as
 * OrkTrack does), runs the OrkTrack {@link Command} of that name and answers its single-line reply.
 */
@Component(service = Servlet.class, configurationPid = TrackCommandServlet.PID)
@HttpWhiteboardServletPattern("/command")
@HttpWhiteboardServletName("orktrack-command")
@HttpWhiteboardContextSelect(OrkTrackContext.SELECT)
@Designate(ocd = TrackCommandServlet.Config.class)
public class TrackCommandServlet extends HttpServlet {

    /** OrkTrack's configuration. */
    public static final String PID = "org.oreka.track";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TrackCommandServlet.class);

    @ObjectClassDefinition(name = "OrkTrack command API")
    public @interface Config {
        @AttributeDefinition(description = "Addresses (CIDR list) allowed to call /orktrack/command")
        String AllowedClients() default ClientGuard.DEFAULT_ALLOWED_CLIENTS;

        @AttributeDefinition(description = "Shared token callers must send as token=... or X-Oreka-Token; empty for none")
        String ApiToken() default "";
    }

    private final transient CommandDispatcher commands = new CommandDispatcher("orktrack");
    private transient volatile ClientGuard guard;

    /**
     * OrkTrack opens once tape ingestion is up: until then (its storage starting, or restarting) this servlet is not
     * registered, so recorders get 404 and keep their messages for later, where an "unknown command" answer (400)
     * would make them give the messages up.
     */
    @Reference(target = "(&(" + Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_TRACKER + ")(" + Command.PROPERTY_NAME
            + "=tape))")
    private transient Command tapeIngestion;

    @Activate
    @Modified
    void configure(Config config) {
        guard = ClientGuard.fromConfiguration("/orktrack/command", config.AllowedClients(), config.ApiToken());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(" + Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_TRACKER + ")")
    void bindCommand(Command command, Map<String, Object> properties) {
        commands.bind(command, properties);
    }

    void unbindCommand(Command command, Map<String, Object> properties) {
        commands.unbind(command, properties);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        CommandRequest request = CommandRequest.parse(req.getQueryString(), InetAddress.getByName(req.getRemoteAddr()),
                "cmd", "type", "class");
        String token = req.getHeader("X-Oreka-Token");
        String refusal = guard.refusal(request.client(), token != null ? token : request.get("token").orElse(null));
        if (refusal != null) {
            LOG.warn("Refused OrkTrack command '{}': {}", request.name(), refusal);
            reply(resp, HttpServletResponse.SC_FORBIDDEN,
                    CommandResponse.failure("simpleresponse", refusal).with("returncode", "ERROR_NOT_ALLOWED"));
            return;
        }
        if (request.name().isEmpty()) {
            reply(resp, HttpServletResponse.SC_BAD_REQUEST, CommandResponse.failure("simpleresponse",
                    "no command: give it as cmd=..., type=... or class=...").with("returncode", "ERROR_NO_COMMAND"));
            return;
        }
        CommandResponse response = commands.dispatch(request, "simpleresponse").orElse(null);
        if (response == null) {
            reply(resp, HttpServletResponse.SC_BAD_REQUEST, CommandResponse.failure("simpleresponse",
                    "unknown command: " + request.name()).with("returncode", "ERROR_UNKNOWN_COMMAND"));
            return;
        }
        if (response.stream().isPresent()) {
            stream(resp, response.stream().get());
            return;
        }
        reply(resp, HttpServletResponse.SC_OK, response);
    }

    /** Relays a live stream; it ends when its source ends or the caller hangs up. */
    private static void stream(HttpServletResponse resp, CommandResponse.Stream stream) throws IOException {
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType(stream.contentType());
        resp.flushBuffer();
        try {
            stream.writeTo(resp.getOutputStream());
        } catch (IOException e) {
            LOG.debug("A streamed response ended: {}", e.getMessage());
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        doGet(req, resp);
    }

    private static void reply(HttpServletResponse resp, int status, CommandResponse response) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/plain");
        resp.setCharacterEncoding("UTF-8");
        resp.getWriter().print(response.toSingleLineWithClass());
    }
}
