package org.oreka.audio.sip.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.oreka.sdk.call.Party;

/**
 * Remembers, per Call-ID, the label and sender of each stream an SDP named, so that the other side's SDP (the
 * answer, or a later offer without recording metadata) gets them by m-line index or by label. Memory is bounded
 * in both size and capture time.
 */
final class StreamLabelMemory {

    /**
     * What is known about the stream at one m-line index.
     *
     * @param label the stream label, or an empty string
     * @param sender the stream's sender, or {@link Party#UNKNOWN}
     */
    record NamedStream(String label, Party sender) {

        static final NamedStream NONE = new NamedStream("", Party.UNKNOWN);

        boolean isNamed() {
            return !label.isEmpty() || sender.isKnown();
        }
    }

    /** The named streams of one call, by m-line index, and when the call's SDP last named them. */
    private record Entry(List<NamedStream> streams, long updatedMicros) {
    }

    private final int maxCalls;
    private final long ttlMicros;
    /** In order of last update, so that the oldest entries sit at the head. */
    private final LinkedHashMap<String, Entry> byCallId = new LinkedHashMap<>();

    StreamLabelMemory(int maxCalls, long ttlMicros) {
        this.maxCalls = maxCalls;
        this.ttlMicros = ttlMicros;
    }

    /**
     * Completes the streams of one SDP (in m-line order) with what an earlier SDP of the call said, then
     * remembers the result when any stream is named.
     *
     * @return the completed streams, in the same order
     */
    synchronized List<NamedStream> complete(String callId, List<NamedStream> streams, long nowMicros) {
        expire(nowMicros);
        Entry known = byCallId.get(callId);
        List<NamedStream> completed = known == null ? streams : fill(streams, known.streams());
        if (completed.stream().anyMatch(NamedStream::isNamed)) {
            byCallId.remove(callId);
            byCallId.put(callId, new Entry(List.copyOf(completed), nowMicros));
            if (byCallId.size() > maxCalls) {
                Iterator<String> oldest = byCallId.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
        }
        return completed;
    }

    /** How many calls it remembers. */
    synchronized int size() {
        return byCallId.size();
    }

    /**
     * A stream with a label takes the sender known for that label; a stream without one takes label and sender
     * from the same m-line index.
     */
    private static List<NamedStream> fill(List<NamedStream> streams, List<NamedStream> known) {
        Map<String, Party> sendersByLabel = new LinkedHashMap<>();
        for (NamedStream stream : known) {
            if (!stream.label().isEmpty() && stream.sender().isKnown()) {
                sendersByLabel.put(stream.label(), stream.sender());
            }
        }
        NamedStream[] completed = new NamedStream[streams.size()];
        for (int i = 0; i < completed.length; i++) {
            NamedStream stream = streams.get(i);
            if (stream.sender().isKnown()) {
                completed[i] = stream;
            } else if (!stream.label().isEmpty()) {
                completed[i] = new NamedStream(stream.label(),
                        sendersByLabel.getOrDefault(stream.label(), Party.UNKNOWN));
            } else {
                completed[i] = i < known.size() ? known.get(i) : NamedStream.NONE;
            }
        }
        return List.of(completed);
    }

    private void expire(long nowMicros) {
        Iterator<Entry> oldest = byCallId.values().iterator();
        while (oldest.hasNext() && oldest.next().updatedMicros() < nowMicros - ttlMicros) {
            oldest.remove();
        }
    }
}
