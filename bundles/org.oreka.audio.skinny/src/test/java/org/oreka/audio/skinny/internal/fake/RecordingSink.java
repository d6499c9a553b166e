package org.oreka.audio.skinny.internal.fake;

import java.util.ArrayList;
import java.util.List;

import org.oreka.sdk.call.CallEvent;
import org.oreka.sdk.call.CallEventSink;

/** A session tracker stand-in that keeps every call event it is given, in order. */
public final class RecordingSink implements CallEventSink {

    private final List<CallEvent> events = new ArrayList<>();

    @Override
    public synchronized void accept(CallEvent event) {
        events.add(event);
    }

    public synchronized List<CallEvent> events() {
        return List.copyOf(events);
    }

    /** The events of one kind, in order. */
    public synchronized <T extends CallEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Returns the events so far and forgets them. */
    public synchronized List<CallEvent> drain() {
        List<CallEvent> drained = List.copyOf(events);
        events.clear();
        return drained;
    }
}
