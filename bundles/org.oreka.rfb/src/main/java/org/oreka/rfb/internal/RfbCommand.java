package org.oreka.rfb.internal;

import java.util.Optional;
import java.util.regex.Pattern;

import org.oreka.protocol.Command;
import org.oreka.protocol.CommandRequest;
import org.oreka.protocol.CommandResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the screen recorder's commands share: the spec's parameters ({@code hostname}, {@code port},
 * {@code loginstring}, {@code username}, {@code password}, {@code orkuid}) checked, and answers that say what was
 * wrong with them.
 */
abstract class RfbCommand implements Command {

    static final int DEFAULT_RFB_PORT = 5900;
    private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9._:\\[\\]%-]{1,253}");
    private static final Logger LOG = LoggerFactory.getLogger(RfbCommand.class);

    private final String name;
    final ScreenRecorder recorder;

    RfbCommand(String name, ScreenRecorder recorder) {
        this.name = name;
        this.recorder = recorder;
    }

    @Override
    public CommandResponse execute(CommandRequest request) {
        String orkuid = request.get("orkuid").map(String::trim).orElse("");
        if (orkuid.isEmpty()) {
            return refuse(name + " needs the parameter orkuid");
        }
        if (!ScreenRecorder.ORKUID.matcher(orkuid).matches()) {
            return refuse("invalid orkuid '" + orkuid + "': letters, digits, '_', '.' and '-', at most 48");
        }
        ScreenRecorder.Outcome outcome;
        try {
            outcome = run(request, orkuid);
        } catch (IllegalArgumentException e) {
            return refuse(e.getMessage());
        }
        if (!outcome.success()) {
            // the desktop or the encoder failed, not the caller's parameters: worth an operator's attention
            LOG.warn("Command {} for orkuid {} failed: {}", name, orkuid, outcome.comment());
            return CommandResponse.failure(name + "response", outcome.comment());
        }
        return CommandResponse.success(name + "response", outcome.comment());
    }

    /** Acts on the orkuid's recording; an {@link IllegalArgumentException} names a bad parameter. */
    abstract ScreenRecorder.Outcome run(CommandRequest request, String orkuid);

    /** The desktop and call a request names. */
    static RfbTarget target(CommandRequest request, String orkuid) {
        String hostname = request.get("hostname").map(String::trim).orElse("");
        if (hostname.isEmpty()) {
            throw new IllegalArgumentException("startrfb needs the parameter hostname");
        }
        if (!HOSTNAME.matcher(hostname).matches()) {
            throw new IllegalArgumentException("invalid hostname '" + hostname + "'");
        }
        return new RfbTarget(hostname, port(request.get("port")), request.get("loginstring", "").trim(),
                request.get("username", "").trim(), request.get("password", ""), orkuid);
    }

    private static int port(Optional<String> given) {
        String text = given.map(String::trim).orElse("");
        if (text.isEmpty()) {
            return DEFAULT_RFB_PORT;
        }
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException("invalid port '" + text + "': a number from 1 to 65535");
    }

    private CommandResponse refuse(String reason) {
        LOG.info("Command {} refused: {}", name, reason);
        return CommandResponse.failure(name + "response", reason);
    }
}
