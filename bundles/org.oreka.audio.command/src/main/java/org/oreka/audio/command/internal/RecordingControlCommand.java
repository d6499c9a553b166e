package org.oreka.audio.command.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.oreka.audio.session.CallSelector;
import org.oreka.audio.session.KeptSides;
import org.oreka.protocol.Command;
import org.oreka.protocol.CommandRequest;
import org.oreka.protocol.CommandResponse;
import org.oreka.sdk.tape.SessionDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the recording-control commands ({@code record}, {@code pause}, {@code resume}, {@code stop}) share: the
 * call they address ({@code orkuid}, else {@code party}, else {@code nativecallid}, as Oreka picks), the
 * {@code side} ({@code both} unless given), and an answer that names the recordings acted on, or says that
 * nothing matched (Oreka answers success either way).
 */
abstract class RecordingControlCommand implements Command {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingControlCommand.class);
    private static final List<CallSelector.Key> KEYS =
            List.of(CallSelector.Key.ORKUID, CallSelector.Key.PARTY, CallSelector.Key.NATIVE_CALL_ID);

    private final String name;
    private final String verb;
    private final BiFunction<CallSelector, KeptSides, List<SessionDTO>> action;
    private final boolean keepsSides;

    /**
     * A command that sets the sides a recording keeps.
     *
     * @param verb how the answer describes the action, for instance {@code Starting capture}
     */
    RecordingControlCommand(String name, String verb, BiFunction<CallSelector, KeptSides, List<SessionDTO>> action) {
        this.name = name;
        this.verb = verb;
        this.action = action;
        this.keepsSides = true;
    }

    /** A command that takes no side (a {@code side} parameter is still checked, and then ignored, as in Oreka). */
    RecordingControlCommand(String name, String verb, Function<CallSelector, List<SessionDTO>> action) {
        this.name = name;
        this.verb = verb;
        this.action = (calls, sides) -> action.apply(calls);
        this.keepsSides = false;
    }

    @Override
    public CommandResponse execute(CommandRequest request) {
        Optional<CallSelector> calls = selector(request);
        if (calls.isEmpty()) {
            return refuse(name + " needs one of the parameters orkuid, party or nativecallid");
        }
        String side = request.get("side").filter(value -> !value.isBlank()).orElse(KeptSides.BOTH.wireName());
        Optional<KeptSides> sides = KeptSides.fromWireName(side);
        if (sides.isEmpty()) {
            return refuse("invalid side '" + side + "': use both, local, remote or none");
        }
        List<SessionDTO> acted = action.apply(calls.get(), sides.get());
        if (acted.isEmpty()) {
            return refuse("no live session for " + calls.get());
        }
        return CommandResponse.success(className(), verb + " for " + calls.get()
                + (keepsSides ? " side:" + sides.get().wireName() : "") + ": " + recordings(acted));
    }

    private static Optional<CallSelector> selector(CommandRequest request) {
        for (CallSelector.Key key : KEYS) {
            Optional<String> value = request.get(key.parameter()).filter(v -> !v.isBlank());
            if (value.isPresent()) {
                return Optional.of(new CallSelector(key, value.get()));
            }
        }
        return Optional.empty();
    }

    /** The recordings acted on; a call that is not recording yet by its call id. */
    private static String recordings(List<SessionDTO> acted) {
        return acted.stream().map(s -> s.orkuid.isEmpty() ? "nativecallid:" + s.nativeCallId + " (not recording yet)"
                : "orkuid:" + s.orkuid).collect(Collectors.joining(", "));
    }

    private CommandResponse refuse(String reason) {
        LOG.info("Command {} refused: {}", name, reason);
        return CommandResponse.failure(className(), reason);
    }

    private String className() {
        return name + "response";
    }
}
