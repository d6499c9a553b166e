package org.oreka.audio.command.internal.fake;

import java.util.ArrayList;
import java.util.List;

import org.oreka.audio.session.CallSelector;
import org.oreka.audio.session.KeptSides;
import org.oreka.audio.session.RecordingControl;
import org.oreka.sdk.tape.SessionDTO;

/** Recording control over a fixed list of live calls, matched on orkuid, local party or call id; notes each call. */
public final class FakeRecordingControl implements RecordingControl {

    /** Every call as "action selector sides". */
    public final List<String> calls = new ArrayList<>();
    private final List<SessionDTO> live = new ArrayList<>();

    /** Adds a live call; an empty orkuid is a call that is not recording yet. */
    public FakeRecordingControl with(String orkuid, String localParty, String nativeCallId) {
        SessionDTO session = new SessionDTO();
        session.orkuid = orkuid;
        session.localParty = localParty;
        session.nativeCallId = nativeCallId;
        live.add(session);
        return this;
    }

    @Override
    public List<SessionDTO> record(CallSelector selector, KeptSides sides) {
        return act("record " + selector + " " + sides.wireName(), selector);
    }

    @Override
    public List<SessionDTO> pause(CallSelector selector) {
        return act("pause " + selector, selector);
    }

    @Override
    public List<SessionDTO> resume(CallSelector selector) {
        return act("resume " + selector, selector);
    }

    @Override
    public List<SessionDTO> stop(CallSelector selector) {
        return act("stop " + selector, selector);
    }

    private List<SessionDTO> act(String call, CallSelector selector) {
        calls.add(call);
        return live.stream().filter(s -> selector.matches(switch (selector.key()) {
            case ORKUID -> s.orkuid;
            case PARTY -> s.localParty;
            case NATIVE_CALL_ID -> s.nativeCallId;
        })).toList();
    }
}
