package org.oreka.audio.skinny.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.oreka.audio.skinny.internal.SccpMessage.CallInfo;
import org.oreka.audio.skinny.internal.SccpMessage.CallState;
import org.oreka.audio.skinny.internal.SccpMessage.LineStat;
import org.oreka.audio.skinny.internal.SccpMessage.MediaChannelClosed;
import org.oreka.audio.skinny.internal.SccpMessage.OpenReceiveChannel;
import org.oreka.audio.skinny.internal.SccpMessage.OpenReceiveChannelAck;
import org.oreka.audio.skinny.internal.SccpMessage.SoftKeyEvent;
import org.oreka.audio.skinny.internal.SccpMessage.StartMediaTransmission;
import org.oreka.sdk.call.CallEvent;
import org.oreka.sdk.call.Direction;
import org.oreka.sdk.call.MediaDescription;
import org.oreka.sdk.call.MediaMode;
import org.oreka.sdk.call.Party;

/**
 * The Skinny state of one phone (its calls, the pass-through party ids of its media channels, its lines) and the
 * rules that turn its SCCP messages into call events.
 *
 * <p>Each call of each phone is its own recording, {@code skinny-<phone IP>-<call reference>}: when both phones of
 * a conversation are on the span, each gets a recording whose local party is that phone.
 *
 * <p>Parties and direction from CallInfo's call type:
 * <ul>
 * <li>1 inbound: {@link Direction#IN}, the called party is the phone (local);</li>
 * <li>2 outbound: {@link Direction#OUT}, the calling party is the phone;</li>
 * <li>3 forward: {@link Direction#IN}; the callee is the phone's own line (from LineStat, the called party when no
 * LineStat was seen) and the number originally called (the called number when none is given) goes into the tag
 * {@code localentrypoint};</li>
 * <li>anything else: {@link Direction#UNKNOWN}.</li>
 * </ul>
 * Every CallOffered goes from the call manager (signalling source) to the phone (signalling destination) and
 * carries the tags {@code localip} (the phone) and {@code callmanager}.
 */
final class SkinnyEndpoint {

    private static final long STATE_ON_HOOK = 2;
    private static final long STATE_CONNECTED = 5;
    private static final long STATE_HOLD = 8;
    private static final long CALL_TYPE_INBOUND = 1;
    private static final long CALL_TYPE_OUTBOUND = 2;
    private static final long CALL_TYPE_FORWARD = 3;
    private static final long SOFT_KEY_END_CALL = 9;

    private static final String TAG_LOCAL_IP = "localip";
    private static final String TAG_CALL_MANAGER = "callmanager";
    private static final String TAG_LOCAL_ENTRY_POINT = "localentrypoint";

    /** Bounds per phone: a phone has a handful of lines and calls, a few channels per call. */
    private static final int MAX_CALLS = 32;
    private static final int MAX_CHANNELS = 128;
    private static final int MAX_LINES = 64;

    /** The call a pass-through party id belongs to and the codec its channel was opened with. */
    private record MediaChannel(long callReference, long compressionType) {
    }

    private final String phoneText;
    private final SkinnyStatistics statistics;
    private final Map<Long, SkinnyCall> calls = new BoundedLruMap<>(MAX_CALLS);
    private final Map<Long, MediaChannel> channels = new BoundedLruMap<>(MAX_CHANNELS);
    private final Map<Long, Party> lines = new BoundedLruMap<>(MAX_LINES);
    /** Calls that ended: messages the call manager still sends about them must not bring them back. */
    private final Set<Long> endedCalls = Collections.newSetFromMap(new BoundedLruMap<>(MAX_CALLS));
    private volatile long lastActivityMicros;

    SkinnyEndpoint(InetAddress phone, SkinnyStatistics statistics) {
        this.phoneText = phone.getHostAddress();
        this.statistics = statistics;
    }

    long lastActivityMicros() {
        return lastActivityMicros;
    }

    /** Notes that the phone's connection carried a message, even one the decoder has no use for (a keep-alive). */
    void touch(long timestampMicros) {
        lastActivityMicros = timestampMicros;
    }

    /** Applies one message of this phone's signalling and adds the call events it causes to {@code events}. */
    synchronized void apply(SccpMessage message, SignallingContext context, List<CallEvent> events) {
        if (message instanceof CallInfo info) {
            callInfo(info, context, events);
        } else if (message instanceof CallState state) {
            callState(state, context, events);
        } else if (message instanceof LineStat line) {
            lineStat(line);
        } else if (message instanceof OpenReceiveChannel open) {
            openReceiveChannel(open);
        } else if (message instanceof OpenReceiveChannelAck ack) {
            openReceiveChannelAck(ack, context, events);
        } else if (message instanceof StartMediaTransmission start) {
            startMediaTransmission(start, context, events);
        } else if (message instanceof MediaChannelClosed closed) {
            channels.remove(closed.passThruPartyId());
        } else if (message instanceof SoftKeyEvent key) {
            softKeyEvent(key, context, events);
        }
    }

    private void callInfo(CallInfo info, SignallingContext context, List<CallEvent> events) {
        if (info.callReference() == 0) {
            statistics.malformedMessages.incrementAndGet();
            return;
        }
        Party caller = info.calling();
        Party callee = info.called();
        Direction direction;
        Map<String, String> tags = baseTags(context);
        boolean nameAsLocal = context.settings().nameAsLocalParty();
        if (info.callType() == CALL_TYPE_INBOUND) {
            direction = Direction.IN;
            callee = localParty(callee, nameAsLocal);
        } else if (info.callType() == CALL_TYPE_OUTBOUND) {
            direction = Direction.OUT;
            caller = localParty(caller, nameAsLocal);
        } else if (info.callType() == CALL_TYPE_FORWARD) {
            direction = Direction.IN;
            Party entryPoint = info.originalCalled().isKnown() ? info.originalCalled() : info.called();
            if (entryPoint.isKnown()) {
                tags.put(TAG_LOCAL_ENTRY_POINT, entryPoint.number());
            }
            callee = localParty(lines.getOrDefault(info.lineInstance(), info.called()), nameAsLocal);
        } else {
            direction = Direction.UNKNOWN;
        }
        SkinnyCall call = callFor(info.callReference());
        if (call == null) {
            return;
        }
        offer(call, new SkinnyCall.Offer(caller, callee, direction, Map.copyOf(tags)), context, events);
    }

    /** The phone's own party, by its display name instead of its number when so configured. */
    private static Party localParty(Party party, boolean nameAsLocal) {
        return nameAsLocal && !party.name().isEmpty() ? new Party(party.name(), party.name()) : party;
    }

    private void callState(CallState state, SignallingContext context, List<CallEvent> events) {
        long reference = state.callReference();
        if (reference == 0) {
            return;
        }
        if (state.state() == STATE_ON_HOOK) {
            endCall(reference, context, events);
            return;
        }
        SkinnyCall call = callFor(reference);
        if (call == null) {
            return;
        }
        if (state.state() == STATE_HOLD && !context.settings().ignoreHold() && !call.isOnHold()) {
            call.setOnHold(true);
            announceMode(call, MediaMode.INACTIVE, context, events);
        } else if (state.state() == STATE_CONNECTED && call.isOnHold()) {
            call.setOnHold(false);
            announceMode(call, MediaMode.SENDRECV, context, events);
        }
    }

    private void lineStat(LineStat line) {
        if (!line.directoryNumber().isEmpty()) {
            lines.put(line.lineNumber(), new Party(line.directoryNumber(), line.displayName()));
        }
    }

    private void openReceiveChannel(OpenReceiveChannel open) {
        if (open.callReference() != 0 && callFor(open.callReference()) != null) {
            channels.put(open.passThruPartyId(), new MediaChannel(open.callReference(), open.compressionType()));
        }
    }

    /**
     * The phone's receive address. Old layouts name the call only through the pass-through party id, learnt
     * from OpenReceiveChannel or StartMediaTransmission; failing both, a phone with a single call has it.
     */
    private void openReceiveChannelAck(OpenReceiveChannelAck ack, SignallingContext context,
            List<CallEvent> events) {
        if (ack.status() != 0) {
            return;
        }
        MediaChannel channel = channels.get(ack.passThruPartyId());
        long reference = ack.callReference() != 0 ? ack.callReference()
                : channel != null ? channel.callReference() : singleCall();
        if (reference == 0 || ack.port() == 0) {
            statistics.unattributedStreams.incrementAndGet();
            return;
        }
        SkinnyCall call = callFor(reference);
        if (call == null) {
            return;
        }
        // A phone that leaves its address out means the address it talks to the call manager from.
        InetAddress address = ack.address().isAnyLocalAddress() ? context.phone().getAddress() : ack.address();
        Map<Integer, String> payloadTypes = channel != null ? SkinnyCodecs.payloadTypes(channel.compressionType())
                : call.knownPayloadTypes();
        announce(call, "receive-" + ack.passThruPartyId(),
                new MediaDescription(new InetSocketAddress(address, ack.port()), payloadTypes, call.mode()),
                context, events);
    }

    /**
     * Where the phone sends RTP. A stream whose own call reference differs from the call the phone shows it in,
     * and is no call of the phone, is a copy the call manager forks off (built-in-bridge recording or silent
     * monitoring): it carries the same voices as the call's real streams and is left out of the call.
     */
    private void startMediaTransmission(StartMediaTransmission start, SignallingContext context,
            List<CallEvent> events) {
        long conference = start.conferenceId();
        long own = start.callReference();
        if (own != 0 && conference != 0 && own != conference && !calls.containsKey(own)) {
            statistics.recordingForks.incrementAndGet();
            return;
        }
        long reference = own != 0 ? own : conference;
        if (reference == 0) {
            MediaChannel channel = channels.get(start.passThruPartyId());
            reference = channel != null ? channel.callReference() : singleCall();
        }
        if (reference == 0 || start.remotePort() == 0 || start.remoteAddress().isAnyLocalAddress()) {
            statistics.unattributedStreams.incrementAndGet();
            return;
        }
        SkinnyCall call = callFor(reference);
        if (call == null) {
            return;
        }
        channels.put(start.passThruPartyId(), new MediaChannel(reference, start.compressionType()));
        announce(call, "transmit-" + start.passThruPartyId(),
                new MediaDescription(new InetSocketAddress(start.remoteAddress(), start.remotePort()),
                        SkinnyCodecs.payloadTypes(start.compressionType()), call.mode()),
                context, events);
    }

    /** EndCall ends the phone's leg; the call manager's on-hook CallState that follows then finds it gone. */
    private void softKeyEvent(SoftKeyEvent key, SignallingContext context, List<CallEvent> events) {
        if (key.event() == SOFT_KEY_END_CALL && key.callReference() != 0) {
            endCall(key.callReference(), context, events);
        }
    }

    private void endCall(long reference, SignallingContext context, List<CallEvent> events) {
        SkinnyCall call = calls.remove(reference);
        endedCalls.add(reference);
        channels.values().removeIf(channel -> channel.callReference() == reference);
        if (call != null && call.offer() != null) {
            events.add(new CallEvent.CallEnded(call.callId(), context.timestampMicros()));
        }
    }

    /**
     * Media can be the first thing seen of a call (the capture started after its CallInfo): the call is then
     * offered with unknown parties, the phone as {@code localip}, so that the tracker records it; the CallInfo
     * that may come later updates the parties.
     */
    private void announce(SkinnyCall call, String channel, MediaDescription stream, SignallingContext context,
            List<CallEvent> events) {
        if (call.offer() == null) {
            offer(call, new SkinnyCall.Offer(Party.UNKNOWN, Party.UNKNOWN, Direction.UNKNOWN,
                    Map.copyOf(baseTags(context))), context, events);
        }
        call.putStream(channel, stream);
        events.add(new CallEvent.MediaAnnounced(call.callId(), context.timestampMicros(), context.sender(),
                List.of(stream)));
    }

    /** Hold and resume re-announce the streams the call had, in the new mode; nothing to say without streams. */
    private void announceMode(SkinnyCall call, MediaMode mode, SignallingContext context, List<CallEvent> events) {
        List<MediaDescription> streams = call.switchStreams(mode);
        if (call.offer() != null && !streams.isEmpty()) {
            events.add(new CallEvent.MediaAnnounced(call.callId(), context.timestampMicros(), context.sender(),
                    streams));
        }
    }

    /** Reports the offer when it differs from the last one: call managers repeat CallInfo many times a call. */
    private void offer(SkinnyCall call, SkinnyCall.Offer offer, SignallingContext context, List<CallEvent> events) {
        if (offer.equals(call.offer())) {
            return;
        }
        call.offered(offer);
        events.add(new CallEvent.CallOffered(call.callId(), context.timestampMicros(), offer.caller(),
                offer.callee(), Party.UNKNOWN, offer.direction(), context.callManager(), context.phone(), List.of(),
                "", offer.tags()));
    }

    private Map<String, String> baseTags(SignallingContext context) {
        Map<String, String> tags = new HashMap<>();
        tags.put(TAG_LOCAL_IP, phoneText);
        tags.put(TAG_CALL_MANAGER, context.callManager().getAddress().getHostAddress());
        return tags;
    }

    /** The call with this reference, created on first sight; null when it has ended. */
    private SkinnyCall callFor(long reference) {
        if (endedCalls.contains(reference)) {
            return null;
        }
        return calls.computeIfAbsent(reference, r -> new SkinnyCall("skinny-" + phoneText + "-" + r));
    }

    /** The reference of the phone's only call, or 0 when it has none or several. */
    private long singleCall() {
        return calls.size() == 1 ? calls.keySet().iterator().next() : 0;
    }
}
