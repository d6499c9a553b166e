package org.oreka.audio.sip.internal.fake;

import java.util.ArrayList;
import java.util.List;

import org.oreka.sdk.call.CallEvent;
import org.oreka.sdk.call.CallEventSink;

/** Keeps every call event it receives, in order, for assertions. */
public final class RecordingSink implements CallEventSink {

    private final List<CallEvent> events = new ArrayList<>();

    @Override
    public void accept(CallEvent event) {
        events.add(event);
    }

    public List<CallEvent> events() {
        return events;
    }

    /** The events of one type, in order. */
    public <T extends CallEvent> List<T> events(Class<T> type) {
        List<T> matching = new ArrayList<>();
        for (CallEvent event : events) {
            if (type.isInstance(event)) {
                matching.add(type.cast(event));
            }
        }
        return matching;
    }

    /** The only event of a type; fails when there is not exactly one. */
    public <T extends CallEvent> T single(Class<T> type) {
        List<T> matching = events(type);
        if (matching.size() != 1) {
            throw new AssertionError("expected one " + type.getSimpleName() + " but got " + events);
        }
        return matching.get(0);
    }

    public void clear() {
        events.clear();
    }
}
