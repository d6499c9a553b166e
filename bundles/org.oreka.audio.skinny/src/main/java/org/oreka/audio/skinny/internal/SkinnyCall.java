package org.oreka.audio.skinny.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.oreka.sdk.call.Direction;
import org.oreka.sdk.call.MediaDescription;
import org.oreka.sdk.call.MediaMode;
import org.oreka.sdk.call.Party;

/** What the decoder knows about one call of one phone: what it reported last, its streams and its hold state. */
final class SkinnyCall {

    /** Streams remembered per call: a call rarely has more than a receive and a transmit channel at a time. */
    private static final int MAX_STREAMS = 8;

    /** The parties, direction and tags last reported in a CallOffered, to report only changes. */
    record Offer(Party caller, Party callee, Direction direction, Map<String, String> tags) {
    }

    private final String callId;
    private final Map<String, MediaDescription> streams = new BoundedLruMap<>(MAX_STREAMS);
    private Offer offer;
    private boolean onHold;

    SkinnyCall(String callId) {
        this.callId = callId;
    }

    String callId() {
        return callId;
    }

    /** The last offer reported, or null when the tracker has not heard of this call yet. */
    Offer offer() {
        return offer;
    }

    void offered(Offer reported) {
        offer = reported;
    }

    boolean isOnHold() {
        return onHold;
    }

    void setOnHold(boolean held) {
        onHold = held;
    }

    /** The mode new streams of this call are announced with. */
    MediaMode mode() {
        return onHold ? MediaMode.INACTIVE : MediaMode.SENDRECV;
    }

    /**
     * Remembers a stream under its channel (receive or transmit side of one pass-through party id), replacing
     * the one it had before.
     */
    void putStream(String channel, MediaDescription stream) {
        streams.put(channel, stream);
    }

    /** A payload map seen on another stream of the call, for a stream whose codec was not announced. */
    Map<Integer, String> knownPayloadTypes() {
        return streams.values().stream().map(MediaDescription::payloadTypes).filter(types -> !types.isEmpty())
                .findFirst().orElse(Map.of());
    }

    /** Switches every remembered stream to {@code mode} and returns them, for a hold or resume announcement. */
    List<MediaDescription> switchStreams(MediaMode mode) {
        List<MediaDescription> switched = new ArrayList<>();
        streams.replaceAll((channel, stream) -> {
            MediaDescription changed = new MediaDescription(stream.address(), stream.payloadTypes(), mode,
                    stream.label(), stream.sender());
            switched.add(changed);
            return changed;
        });
        return switched;
    }
}
