package org.oreka.audio.session.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.oreka.audio.chain.TapeProperties;
import org.oreka.audio.journal.JournalFormat;
import org.oreka.audio.net.TransportPacket;
import org.oreka.audio.session.CallSelector;
import org.oreka.audio.session.KeptSides;
import org.oreka.audio.session.LiveAudioSink;
import org.oreka.audio.session.LiveAudioTap;
import org.oreka.sdk.call.CallEvent;
import org.oreka.sdk.call.CallEvent.CallEnded;
import org.oreka.sdk.call.CallEvent.CallFailed;
import org.oreka.sdk.call.CallEvent.CallOffered;
import org.oreka.sdk.call.CallEvent.CallTagged;
import org.oreka.sdk.call.CallEvent.CallTransferred;
import org.oreka.sdk.call.CallEvent.DtmfSignalled;
import org.oreka.sdk.call.CallEvent.MediaAnnounced;
import org.oreka.sdk.call.MediaDescription;
import org.oreka.sdk.call.Party;
import org.oreka.sdk.codec.PayloadFormat;
import org.oreka.sdk.net.Transport;
import org.oreka.sdk.tape.SessionDTO;
import org.oreka.sdk.tape.TagDTO;
import org.oreka.sdk.tape.TapeDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every call seen on the wire: creates sessions from signalling events and from RTP without
 * signalling, pairs each RTP packet with its session by media address, splits it into side 1 and side 2, and
 * writes it into the session's tape journal; ends sessions on BYE, failure, timeout or the end of a capture.
 *
 * <p>All state is guarded by this object's lock; packets of one capture source arrive in order on one thread.
 * Recording-control commands take the same lock, so each applies between two packets. Times are capture times
 * (packet timestamps), so a replayed capture behaves as it did live.
 */
final class SessionTracker {

    private static final Logger LOG = LoggerFactory.getLogger(SessionTracker.class);
    private static final long HOOVER_INTERVAL_MICROS = 1_000_000;
    private static final long SIDE_TAKEOVER_SILENCE_MICROS = 1_000_000;
    private static final int SIGNALLED_START_PACKETS = 2;
    private static final long BYE_GRACE_MICROS = 500_000;
    /** Payload types that never start a session without signalling: comfort noise and reserved/unassigned ones. */
    private static final int CN = 13;

    private final TrackerEvents events;
    private final OrkuidGenerator orkuids;
    private final Map<String, CallSession> byCallId = new HashMap<>();
    private final MediaIndex byAddress = new MediaIndex();
    private final Set<CallSession> sessions = new LinkedHashSet<>();
    private final RtpHeader rtp = new RtpHeader();
    private TrackerSettings settings;
    private long clockMicros;
    private long lastHooverMicros;
    private String currentSource = "";
    private final TrackerCounters counters = new TrackerCounters();
    private final Set<String> sharedMediaProtocols = new java.util.concurrent.CopyOnWriteArraySet<>();

    SessionTracker(TrackerSettings settings, TrackerEvents events, OrkuidGenerator orkuids) {
        this.settings = settings;
        this.events = events;
        this.orkuids = orkuids;
    }

    /**
     * Binds a signalling decoder to this tracker: its events are applied as coming from {@code protocol}.
     *
     * @param sharedMedia whether the protocol's call legs share media addresses (one leg per endpoint)
     */
    DecoderBinding bind(org.oreka.sdk.call.SignallingDecoder decoder, String protocol, int ranking, boolean sharedMedia) {
        if (sharedMedia) {
            sharedMediaProtocols.add(protocol);
        }
        return new DecoderBinding(decoder, protocol, ranking, event -> onCallEvent(protocol, event));
    }

    synchronized void settings(TrackerSettings settings) {
        this.settings = settings;
    }

    synchronized TrackerCounters counters() {
        return counters.copy();
    }

    /**
     * Takes one decoded packet: RTP goes to its session, anything else to the signalling decoders until one of
     * them claims it.
     */
    synchronized void onPacket(TransportPacket packet, List<DecoderBinding> decoders) {
        currentSource = packet.captureSource();
        advanceClock(packet.timestampMicros());
        counters.packets++;
        if (packet.transport() == Transport.UDP && isRtp(packet)) {
            counters.rtpPackets++;
            onRtp(packet);
            return;
        }
        for (DecoderBinding binding : decoders) {
            boolean claimed;
            try {
                claimed = binding.decoder().decode(packet, binding.sink());
            } catch (RuntimeException e) {
                // A decoder must not throw; one that does loses this datagram, not the recorder.
                counters.decoderErrors++;
                LOG.debug("Signalling decoder {} failed on a datagram", binding.protocol(), e);
                claimed = true;
            }
            if (claimed) {
                counters.signallingPackets++;
                return;
            }
        }
        counters.otherPackets++;
    }

    private boolean isRtp(TransportPacket packet) {
        TrackerSettings s = settings;
        if (packet.sourcePort() < s.udpMinPort() || packet.destinationPort() < s.udpMinPort()) {
            return false;
        }
        if (!s.rtpOnOddPorts() && ((packet.sourcePort() & 1) != 0 || (packet.destinationPort() & 1) != 0)) {
            return false;
        }
        if (!rtp.parse(packet.payloadArray(), packet.payloadOffset(), packet.payloadLength())) {
            return false;
        }
        return rtp.payloadType <= 34 || rtp.payloadType >= 96;
    }

    // ---- signalling ----

    /** Applies one call event from a decoder of {@code protocol}. */
    synchronized void onCallEvent(String protocol, CallEvent event) {
        advanceClock(event.timestampMicros());
        if (event instanceof CallOffered offer) {
            offered(protocol, offer);
        } else if (event instanceof MediaAnnounced announced) {
            CallSession session = sessionFor(protocol, announced.callId(), announced.timestampMicros());
            if (session.offer == null || !announced.announcer().equals(session.offer.signallingSource())) {
                session.answered = true;
            }
            addMedia(session, announced.media());
        } else if (event instanceof CallEnded ended) {
            CallSession session = byCallId.get(ended.callId());
            if (session != null && session.endingAtMicros < 0) {
                // RTP already on its way when the BYE is sent still belongs to the call.
                session.endingAtMicros = ended.timestampMicros() + BYE_GRACE_MICROS;
            }
        } else if (event instanceof CallFailed failed) {
            // A failure after an answer or after media is a rejected re-INVITE or a late answer to an earlier
            // transaction (488, 491, 480...): the call itself goes on.
            CallSession session = byCallId.get(failed.callId());
            if (session != null && session.firstRtpMicros < 0 && !session.answered) {
                stop(session);
            }
        } else if (event instanceof CallTransferred transferred) {
            CallSession session = byCallId.get(transferred.callId());
            if (session != null) {
                tag(session, "transferto", transferred.referTo().number());
            }
        } else if (event instanceof DtmfSignalled dtmf) {
            CallSession session = byCallId.get(dtmf.callId());
            if (session != null && settings.reportDtmf()) {
                digit(session, dtmf.digit(), dtmf.timestampMicros());
            }
        } else if (event instanceof CallTagged tagged) {
            CallSession session = byCallId.get(tagged.callId());
            if (session != null) {
                tag(session, tagged.key(), tagged.value());
            }
        }
    }

    private void offered(String protocol, CallOffered offer) {
        CallSession session = sessionFor(protocol, offer.callId(), offer.timestampMicros());
        // The first offer names the parties; a later one may name them when the first could not (media first).
        if (session.offer == null || (!session.offer.caller().isKnown() && !session.offer.callee().isKnown())) {
            session.offer = offer;
        }
        offer.tags().forEach((key, value) -> {
            if (!key.equals("localip") && !key.equals("localentrypoint")) {
                tag(session, key, value);
            }
        });
        addMedia(session, offer.media());
    }

    private CallSession sessionFor(String protocol, String callId, long timestampMicros) {
        CallSession session = byCallId.get(callId);
        if (session == null) {
            session = new CallSession(callId, protocol, currentSource, timestampMicros, settings.lookBack());
            session.sharesMedia = sharedMediaProtocols.contains(protocol);
            byCallId.put(callId, session);
            sessions.add(session);
            counters.calls++;
        }
        return session;
    }

    private void addMedia(CallSession session, List<MediaDescription> media) {
        boolean rtpmapChanged = false;
        boolean allHold = !media.isEmpty();
        for (MediaDescription description : media) {
            allHold &= description.mode().isHold();
            for (Map.Entry<Integer, String> entry : description.payloadTypes().entrySet()) {
                rtpmapChanged |= session.map(entry.getKey(), entry.getValue());
            }
            InetSocketAddress address = description.address();
            if (address == null || address.getAddress() == null || address.getAddress().isAnyLocalAddress()
                    || address.getPort() == 0) {
                continue;
            }
            MediaKey key = MediaKey.of(address);
            claim(session, key);
            if (!description.label().isEmpty()) {
                session.labels.put(key, description.label());
                if (!session.labelOrder.contains(description.label())) {
                    session.labelOrder.add(description.label());
                }
                if (description.sender().isKnown()) {
                    session.labelSenders.put(description.label(), description.sender());
                }
            }
        }
        if (!media.isEmpty() && session.onHold != allHold) {
            session.onHold = allHold;
            if (session.started() && !session.unrecordable) {
                events.held(TapeProperties.copy(session.tape.tape), allHold);
            }
        }
        if (rtpmapChanged && session.started()) {
            writeRtpmap(session);
        }
    }

    /**
     * Makes {@code session} an owner of a media address. A session of a protocol whose legs share media joins the
     * other legs of that protocol; otherwise it takes the address over, as the newest offer does in Oreka, and
     * RTP that was recorded without signalling there joins it.
     */
    private void claim(CallSession session, MediaKey key) {
        CallSession[] owners = byAddress.get(key);
        if (owners != null) {
            for (CallSession owner : owners) {
                if (owner == session) {
                    return;
                }
            }
        }
        session.addresses.add(key);
        if (owners == null) {
            byAddress.put(key, new CallSession[] {session});
            return;
        }
        boolean share = session.sharesMedia;
        for (CallSession owner : owners) {
            share &= owner.sharesMedia && owner.protocol.equals(session.protocol);
        }
        if (share) {
            CallSession[] joined = Arrays.copyOf(owners, owners.length + 1);
            joined[owners.length] = session;
            byAddress.put(key, joined);
            return;
        }
        byAddress.put(key, new CallSession[] {session});
        for (CallSession owner : owners) {
            owner.addresses.remove(key);
            if (!owner.signalled()) {
                adopt(session, owner);
            }
        }
    }

    /** RTP that arrived before its signalling was seen moves into the signalled session. */
    private void adopt(CallSession session, CallSession raw) {
        for (MediaKey key : raw.addresses) {
            byAddress.remove(key, raw);
        }
        raw.addresses.clear();
        sessions.remove(raw);
        session.liveSinks.addAll(raw.liveSinks);
        raw.liveSinks.clear();
        if (raw.started()) {
            stop(raw);
            return;
        }
        if (!session.started() && session.packetsBeforeStart == 0) {
            session.pending.addAll(raw.pending);
            session.packetsBeforeStart = raw.packetsBeforeStart;
            session.side1.adoptFrom(raw.side1);
            session.side2.adoptFrom(raw.side2);
            session.rtpPackets += raw.rtpPackets;
            session.firstRtpMicros = raw.firstRtpMicros;
            session.recordingFromMicros = raw.recordingFromMicros;
            session.lastRtpMicros = raw.lastRtpMicros;
        }
    }

    private void tag(CallSession session, String key, String value) {
        session.tags.put(key, value);
        if (session.started()) {
            session.tape.tape.tags.put(key, value);
        }
    }

    private void digit(CallSession session, String digit, long atMicros) {
        counters.dtmfDigits++;
        if (session.started()) {
            events.tagged(dtmfTag(session, digit, atMicros));
        } else {
            session.pendingDigits.add(new PendingDigit(digit, atMicros));
        }
    }

    private static TagDTO dtmfTag(CallSession session, String digit, long atMicros) {
        TagDTO tag = new TagDTO();
        tag.orkuid = session.tape.tape.orkuid;
        tag.type = "dtmfdigit";
        tag.text = digit;
        tag.offsetMillis = Math.max(0, (atMicros - session.recordingFromMicros) / 1000);
        return tag;
    }

    // ---- RTP ----

    private void onRtp(TransportPacket packet) {
        if (settings.blockedPayloadTypes()[rtp.payloadType]) {
            return;
        }
        CallSession[] owners = lookup(packet);
        if (owners == null) {
            if (rtp.payloadType == CN || !(settings.lookBack() || settings.rawRtpWithoutLookBack())) {
                return;
            }
            rtpForSession(rawSession(packet), packet);
            return;
        }
        for (CallSession session : owners) {
            rtpForSession(session, packet);
        }
    }

    private void rtpForSession(CallSession session, TransportPacket packet) {
        long now = packet.timestampMicros();
        if (session.signalled() && !session.rtpmap.isEmpty() && rtp.payloadType != CN
                && !session.negotiated[rtp.payloadType]) {
            // Not a payload type the call negotiated: another protocol on the same ports (T.38 after a re-INVITE).
            session.alienPackets++;
            return;
        }
        StreamSide side = side(session, packet, now);
        if (side == null) {
            session.alienPackets++;
            return;
        }
        side.packets++;
        side.lastMicros = now;
        session.rtpPackets++;
        if (session.recordingFromMicros < 0) {
            session.recordingFromMicros = now;
            if (session.firstRtpMicros < 0) {
                session.firstRtpMicros = now;
            }
        }
        session.lastRtpMicros = now;
        if (session.telephoneEvent[rtp.payloadType]) {
            if (settings.reportDtmf()) {
                dtmfEvent(session, side, packet);
            }
            return;
        }
        if (rtp.payloadType == CN) {
            return;
        }
        session.lastPayloadType = rtp.payloadType;
        session.lastPayloadLength = rtp.payloadLength;
        if (!session.liveSinks.isEmpty() && !session.paused) {
            String rtpmap = session.encoding(rtp.payloadType);
            for (LiveAudioSink sink : session.liveSinks) {
                sink.audio(side.number, rtp.payloadType, rtpmap, rtp.timestamp, packet.payloadArray(), rtp.payloadOffset,
                        rtp.payloadLength);
            }
        }
        if (session.unrecordable) {
            return;
        }
        if (!session.started()) {
            session.packetsBeforeStart++;
            if (session.keepsAudio) {
                session.pending.add(new PendingPacket(side.number, rtp.payloadType, rtp.sequence, rtp.timestamp,
                        rtp.ssrc, rtp.marker, now, Arrays.copyOfRange(packet.payloadArray(), rtp.payloadOffset,
                                rtp.payloadOffset + rtp.payloadLength)));
            }
            if (readyToStart(session)) {
                start(session);
            }
            return;
        }
        if (!session.keepsAudio) {
            return;
        }
        session.keptPackets++;
        try {
            session.tape.journal().appendRtp(side.number, rtp.payloadType, rtp.sequence, rtp.timestamp, rtp.ssrc,
                    rtp.marker, now, packet.payloadArray(), rtp.payloadOffset, rtp.payloadLength);
        } catch (IOException e) {
            recordingFailed(session, e);
        }
    }

    /** How long the session's last audio packet plays: exact for G.711, 20 ms for anything else. */
    private static long lastPacketDuration(CallSession session) {
        String name = PayloadFormat.of(session.lastPayloadType, session.encoding(session.lastPayloadType)).name();
        boolean g711 = name.equals("PCMU") || name.equals("PCMA");
        return g711 && session.lastPayloadLength > 0 ? session.lastPayloadLength * 125L : 20_000L;
    }

    /** The sessions a packet belongs to: the owners of its destination when signalled, else of its source. */
    private CallSession[] lookup(TransportPacket packet) {
        CallSession[] byDestination;
        CallSession[] bySource;
        if (packet.ipVersion() == 4) {
            byDestination = byAddress.getIpv4(MediaKey.packIpv4(packet.destinationIpv4(), packet.destinationPort()));
            if (byDestination != null && byDestination[0].signalled()) {
                return byDestination;
            }
            bySource = byAddress.getIpv4(MediaKey.packIpv4(packet.sourceIpv4(), packet.sourcePort()));
        } else {
            byDestination = byAddress.get(MediaKey.ipv6(packet.destinationAddressBytes(), packet.destinationPort()));
            if (byDestination != null && byDestination[0].signalled()) {
                return byDestination;
            }
            bySource = byAddress.get(MediaKey.ipv6(packet.sourceAddressBytes(), packet.sourcePort()));
        }
        return bySource != null ? bySource : byDestination;
    }

    private CallSession rawSession(TransportPacket packet) {
        CallSession session = new CallSession(null, CallSession.RAW_RTP, currentSource, packet.timestampMicros(),
                settings.lookBack());
        sessions.add(session);
        for (MediaKey key : List.of(MediaKey.of(packet.sourceAddress(), packet.sourcePort()),
                MediaKey.of(packet.destinationAddress(), packet.destinationPort()))) {
            byAddress.put(key, new CallSession[] {session});
            session.addresses.add(key);
        }
        return session;
    }

    private StreamSide side(CallSession session, TransportPacket packet, long now) {
        if (session.labelled()) {
            String label = session.labels.get(packet.ipVersion() == 4
                    ? MediaKey.of(packet.destinationAddress(), packet.destinationPort())
                    : MediaKey.ipv6(packet.destinationAddressBytes(), packet.destinationPort()));
            if (label == null) {
                label = session.labels.get(MediaKey.of(packet.sourceAddress(), packet.sourcePort()));
            }
            int index = label == null ? -1 : session.labelOrder.indexOf(label);
            StreamSide side = index == 0 ? session.side1 : index == 1 ? session.side2 : null;
            if (side != null && !side.used) {
                side.claim(packet, now);
            }
            return side;
        }
        if (session.side1.matches(packet)) {
            return session.side1;
        }
        if (session.side2.matches(packet)) {
            return session.side2;
        }
        for (StreamSide side : new StreamSide[] {session.side1, session.side2}) {
            if (!side.used) {
                side.claim(packet, now);
                return side;
            }
        }
        // A third direction (a re-routed or transferred leg) takes over a side that has gone quiet.
        StreamSide quiet = session.side1.lastMicros <= session.side2.lastMicros ? session.side1 : session.side2;
        if (now - quiet.lastMicros > SIDE_TAKEOVER_SILENCE_MICROS) {
            quiet.redirect(packet);
            return quiet;
        }
        return null;
    }

    private boolean readyToStart(CallSession session) {
        TrackerSettings s = settings;
        if (s.discardUnidirectionalCalls() && !(session.side1.used && session.side2.used)) {
            return false;
        }
        int needed = session.signalled() ? SIGNALLED_START_PACKETS : s.rawRtpPacketsBeforeStart();
        return session.packetsBeforeStart >= needed;
    }

    private void dtmfEvent(CallSession session, StreamSide side, TransportPacket packet) {
        if (rtp.payloadLength < 4) {
            return;
        }
        byte[] data = packet.payloadArray();
        int event = data[rtp.payloadOffset] & 0xff;
        boolean end = (data[rtp.payloadOffset + 1] & 0x80) != 0;
        if (!side.dtmfEventOpen || side.dtmfEventTimestamp != rtp.timestamp) {
            side.dtmfEventOpen = true;
            side.dtmfEventTimestamp = rtp.timestamp;
            side.dtmfEventStartMicros = packet.timestampMicros();
        }
        if (end && !(side.dtmfReported && side.lastDtmfTimestamp == rtp.timestamp)) {
            side.dtmfReported = true;
            side.lastDtmfTimestamp = rtp.timestamp;
            String digit = DtmfEvents.digit(event);
            if (digit != null) {
                digit(session, digit, side.dtmfEventStartMicros);
            }
        }
    }

    // ---- recording ----

    private void start(CallSession session) {
        TrackerSettings s = settings;
        long startMicros = session.recordingFromMicros;
        for (PendingPacket p : session.pending) {
            startMicros = Math.min(startMicros, p.arrivalMicros());
        }
        session.recordingFromMicros = startMicros;
        String trackingId = orkuids.nextTrackingId();
        long startMillis = startMicros / 1000;
        String orkuid = orkuids.orkuid(startMillis, trackingId);
        CallParties parties = parties(session);
        session.parties = parties;

        TapeDTO tape = new TapeDTO();
        tape.orkuid = orkuid;
        tape.capturePort = trackingId;
        tape.startMillis = startMillis;
        tape.localParty = s.partyMap().map(parties.localParty());
        tape.remoteParty = s.partyMap().map(parties.remoteParty());
        tape.localEntryPoint = parties.localEntryPoint();
        tape.direction = parties.direction().wireName();
        tape.localIp = parties.localIp();
        tape.remoteIp = parties.remoteIp();
        tape.nativeCallId = session.callId == null ? "" : session.callId;
        tape.hostname = s.hostname();
        tape.service = s.serviceName();
        tape.tags = new LinkedHashMap<>(session.tags);
        tape.onDemand = session.onDemand;
        tape.side = session.keptSides.wireName();
        tape.file = orkuids.folder(startMillis) + "/" + orkuid + ".mcf";
        try {
            Path journal = s.audioRoot().resolve(tape.file);
            session.tape = new TapeRecording(tape, journal, s.stateDirectory().resolve(orkuid + ".tape"),
                    s.journalBatchBytes());
            writeRtpmap(session);
            for (PendingPacket p : session.pending) {
                session.tape.journal().appendRtp(p.side(), p.payloadType(), p.sequence(), p.timestamp(), p.ssrc(),
                        p.marker(), p.arrivalMicros(), p.payload(), 0, p.payload().length);
            }
            session.keptPackets = session.pending.size();
        } catch (IOException e) {
            recordingFailed(session, e);
            return;
        } finally {
            session.pending.clear();
        }
        counters.recordings++;
        events.started(TapeProperties.copy(tape));
        for (PendingDigit pending : session.pendingDigits) {
            events.tagged(dtmfTag(session, pending.digit(), pending.atMicros()));
        }
        session.pendingDigits.clear();
    }

    private CallParties parties(CallSession session) {
        TrackerSettings s = settings;
        CallParties parties;
        if (session.offer != null) {
            parties = s.partyRules().signalled(session.offer, session.offer.tags().getOrDefault("localip", ""));
        } else {
            parties = s.partyRules().unsignalled(address(session.side1.sourceText()), address(session.side1.destinationText()));
        }
        if (session.labelled()) {
            Party first = session.labelSenders.getOrDefault(session.labelOrder.get(0), Party.UNKNOWN);
            Party second = session.labelSenders.getOrDefault(session.labelOrder.get(1), Party.UNKNOWN);
            if (first.isKnown() || second.isKnown()) {
                parties = new CallParties(first.isKnown() ? first.number() : parties.localParty(),
                        second.isKnown() ? second.number() : parties.remoteParty(), parties.localEntryPoint(),
                        org.oreka.sdk.call.Direction.UNKNOWN, parties.localIp(), parties.remoteIp());
            }
        }
        return parties;
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text.isEmpty() ? "0.0.0.0" : text);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("literal address", e);
        }
    }

    private void writeRtpmap(CallSession session) {
        try {
            for (Map.Entry<Integer, String> entry : session.rtpmap.entrySet()) {
                session.tape.journal().appendMetadata("rtpmap " + entry.getKey() + " " + entry.getValue(),
                        session.lastRtpMicros);
            }
        } catch (IOException e) {
            recordingFailed(session, e);
        }
    }

    private void recordingFailed(CallSession session, IOException e) {
        LOG.error("Cannot write the recording of call {}; its audio is dropped: {}",
                session.callId == null ? "(RTP)" : session.callId, e.toString());
        session.unrecordable = true;
        counters.recordingErrors++;
    }

    /** Ends a session: unmaps it and, if it was recording, closes its tape and hands it on. */
    private void stop(CallSession session) {
        if (session.stopped) {
            return;
        }
        session.stopped = true;
        if (session.callId != null) {
            byCallId.remove(session.callId, session);
        }
        for (MediaKey key : session.addresses) {
            byAddress.remove(key, session);
        }
        sessions.remove(session);
        endRecording(session);
        for (LiveAudioSink sink : session.liveSinks) {
            sink.ended();
        }
        session.liveSinks.clear();
    }

    /**
     * Closes the session's recording, if it has one, and hands it on; a recording that kept no audio, or keeps no
     * side, is deleted instead (listeners still hear that it stopped).
     */
    private void endRecording(CallSession session) {
        TapeRecording recording = session.tape;
        if (recording == null || session.unrecordable) {
            return;
        }
        TapeDTO tape = recording.tape;
        tape.durationMillis = Math.max(0,
                (session.lastRtpMicros - session.recordingFromMicros + lastPacketDuration(session)) / 1000);
        tape.localSide = localSide(session);
        boolean kept = session.keptPackets > 0 && session.keptSides != KeptSides.NONE
                && tape.durationMillis >= settings.minimumTapeMillis();
        try {
            if (kept) {
                recording.close();
                recording.saveSidecar(true);
            } else {
                recording.delete();
            }
        } catch (IOException e) {
            LOG.error("Cannot close the recording {}: {}", tape.orkuid, e.toString());
        }
        if (events.stopped(TapeProperties.copy(tape), kept, snapshot(session)) && kept) {
            try {
                recording.release();
            } catch (IOException e) {
                LOG.warn("Cannot remove the in-progress state of {}: {}", tape.orkuid, e.toString());
            }
        }
    }

    private String localSide(CallSession session) {
        String localIp = session.parties == null ? "" : session.parties.localIp();
        boolean one = session.side1.used && session.side1.sourceText().equals(localIp);
        boolean two = session.side2.used && session.side2.sourceText().equals(localIp);
        return one && two ? "both" : one ? "side1" : two ? "side2" : "unknown";
    }

    // ---- recording control ----

    /** Keeps the audio of the calls from now on, marks their recordings on demand and sets the sides they keep. */
    synchronized List<SessionDTO> record(CallSelector calls, KeptSides sides) {
        return actOn(calls, session -> {
            keepAudio(session, true);
            session.paused = false;
            session.onDemand = true;
            session.keptSides = sides;
            if (session.started() && !session.unrecordable) {
                TapeDTO tape = session.tape.tape;
                tape.onDemand = true;
                tape.side = sides.wireName();
                try {
                    // A recovery after a crash must keep only the sides asked for.
                    session.tape.saveSidecar(false);
                } catch (IOException e) {
                    recordingFailed(session, e);
                }
                events.updated(TapeProperties.copy(tape));
            }
            LOG.info("Recording {} on demand, keeping {} ({})", name(session), sides.wireName(), calls);
        });
    }

    /** Stops keeping the audio of the calls that keep it. */
    synchronized List<SessionDTO> pause(CallSelector calls) {
        return actOn(calls, session -> {
            if (session.keepsAudio) {
                keepAudio(session, false);
                session.paused = true;
                LOG.info("Paused {} ({})", name(session), calls);
            }
        });
    }

    /** Keeps the audio of the paused calls again. */
    synchronized List<SessionDTO> resume(CallSelector calls) {
        return actOn(calls, session -> {
            if (session.paused) {
                keepAudio(session, true);
                session.paused = false;
                LOG.info("Resumed {} ({})", name(session), calls);
            }
        });
    }

    /** Applies {@code action} to each call the selector names; returns their snapshots, taken after it. */
    private List<SessionDTO> actOn(CallSelector calls, Consumer<CallSession> action) {
        List<SessionDTO> acted = new ArrayList<>();
        for (CallSession session : matching(calls)) {
            action.accept(session);
            acted.add(snapshot(session));
        }
        return acted;
    }

    /**
     * Ends the calls' recordings, as Oreka does: the call goes on with fresh recording state, so its next audio
     * starts a new recording (in on-demand mode, once a record command asks for it).
     */
    synchronized List<SessionDTO> stopRecording(CallSelector calls) {
        List<SessionDTO> acted = new ArrayList<>();
        for (CallSession session : matching(calls)) {
            acted.add(snapshot(session));
            LOG.info("Stopped {} ({}); the call goes on", name(session), calls);
            endRecording(session);
            session.tape = null;
            session.unrecordable = false;
            session.pending.clear();
            session.pendingDigits.clear();
            session.packetsBeforeStart = 0;
            session.keptPackets = 0;
            session.recordingFromMicros = -1;
            session.side1PacketsBefore = session.side1.packets;
            session.side2PacketsBefore = session.side2.packets;
            session.keepsAudio = settings.lookBack();
            session.paused = false;
            session.onDemand = false;
            session.keptSides = KeptSides.BOTH;
        }
        return acted;
    }

    /** Hands the audio of the newest call the selector names to {@code sink} until the tap is closed. */
    synchronized Optional<LiveAudioTap> tap(CallSelector calls, LiveAudioSink sink) {
        Optional<CallSession> newest = matching(calls).stream().max(Comparator.comparingLong(s -> s.createdMicros));
        newest.ifPresent(session -> session.liveSinks.add(sink));
        return newest.map(session -> new LiveTap(session, sink, snapshot(session)));
    }

    /** A tap on one call's audio; closing it removes its sink between two packets. */
    private final class LiveTap implements LiveAudioTap {
        private final CallSession session;
        private final LiveAudioSink sink;
        private final SessionDTO call;

        LiveTap(CallSession session, LiveAudioSink sink, SessionDTO call) {
            this.session = session;
            this.sink = sink;
            this.call = call;
        }

        @Override
        public SessionDTO call() {
            return call;
        }

        @Override
        public void close() {
            synchronized (SessionTracker.this) {
                session.liveSinks.remove(sink);
            }
        }
    }

    /**
     * The live calls a selector names: by orkuid the call recording it; by native call id every call with it; by
     * party the calls whose local party it is or, when there are none, those whose remote party it is.
     */
    private List<CallSession> matching(CallSelector calls) {
        return switch (calls.key()) {
            case ORKUID -> sessions.stream().filter(s -> s.started() && calls.matches(s.tape.tape.orkuid)).toList();
            case NATIVE_CALL_ID -> sessions.stream().filter(s -> calls.matches(s.callId)).toList();
            case PARTY -> {
                List<CallSession> local = sessions.stream().filter(s -> calls.matches(party(s, true))).toList();
                yield local.isEmpty() ? sessions.stream().filter(s -> calls.matches(party(s, false))).toList() : local;
            }
        };
    }

    /** A call's local or remote party: its recording's or, before it records, the one its recording will have. */
    private String party(CallSession session, boolean local) {
        if (session.started()) {
            return local ? session.tape.tape.localParty : session.tape.tape.remoteParty;
        }
        CallParties parties = parties(session);
        return settings.partyMap().map(local ? parties.localParty() : parties.remoteParty());
    }

    /**
     * Starts or stops keeping a call's audio; a running recording notes where, so that the paused stretch is left
     * out of it and its two sides stay aligned.
     */
    private void keepAudio(CallSession session, boolean keep) {
        if (session.keepsAudio == keep) {
            return;
        }
        session.keepsAudio = keep;
        if (session.started() && !session.unrecordable) {
            try {
                session.tape.journal().appendMetadata(keep ? JournalFormat.RESUME : JournalFormat.PAUSE,
                        session.lastRtpMicros);
            } catch (IOException e) {
                recordingFailed(session, e);
            }
        }
    }

    private static String name(CallSession session) {
        return session.started() ? "orkuid " + session.tape.tape.orkuid
                : "call " + (session.callId == null ? "(RTP)" : session.callId) + " (not recording yet)";
    }

    // ---- time ----

    private void advanceClock(long timestampMicros) {
        if (timestampMicros > clockMicros) {
            clockMicros = timestampMicros;
        }
        if (clockMicros - lastHooverMicros >= HOOVER_INTERVAL_MICROS) {
            lastHooverMicros = clockMicros;
            hoover(clockMicros);
        }
    }

    /** Ends the sessions that timed out at capture time {@code nowMicros}. */
    synchronized void hoover(long nowMicros) {
        TrackerSettings s = settings;
        List<CallSession> expired = new ArrayList<>();
        for (CallSession session : sessions) {
            if (session.endingAtMicros >= 0 && nowMicros >= session.endingAtMicros) {
                expired.add(session);
                continue;
            }
            long idle = nowMicros - session.lastActivityMicros();
            long limit;
            if (!session.signalled()) {
                limit = s.rawTimeoutMicros();
            } else if (session.firstRtpMicros < 0) {
                limit = s.initialTimeoutMicros();
            } else {
                limit = session.onHold ? s.holdTimeoutMicros() : s.signalledTimeoutMicros();
            }
            if (idle > limit) {
                expired.add(session);
            }
        }
        expired.forEach(this::stop);
    }

    /** The capture time the tracker has reached. */
    synchronized long clockMicros() {
        return clockMicros;
    }

    /** A capture ended: every session it fed ends now, at the capture's last timestamp. */
    synchronized void endOfCapture(String source, long lastTimestampMicros) {
        advanceClock(lastTimestampMicros);
        List<CallSession> ended = new ArrayList<>();
        for (CallSession session : sessions) {
            if (session.captureSource.equals(source)) {
                ended.add(session);
            }
        }
        ended.forEach(this::stop);
    }

    /** Ends every session (the recorder is stopping). */
    synchronized void stopAll() {
        new ArrayList<>(sessions).forEach(this::stop);
    }

    /** Writes every journal's batch to disk, so a crash loses at most what came since. */
    synchronized void flushAll() {
        for (CallSession session : sessions) {
            if (session.started() && !session.unrecordable) {
                try {
                    session.tape.flush();
                } catch (IOException e) {
                    recordingFailed(session, e);
                }
            }
        }
    }

    synchronized List<SessionDTO> sessions() {
        List<SessionDTO> list = new ArrayList<>();
        for (CallSession session : sessions) {
            list.add(snapshot(session));
        }
        return list;
    }

    private SessionDTO snapshot(CallSession session) {
        SessionDTO dto = new SessionDTO();
        dto.protocol = session.protocol;
        dto.nativeCallId = session.callId == null ? "" : session.callId;
        if (session.started()) {
            TapeDTO tape = session.tape.tape;
            dto.orkuid = tape.orkuid;
            dto.localParty = tape.localParty;
            dto.remoteParty = tape.remoteParty;
            dto.direction = tape.direction;
            dto.startMillis = tape.startMillis;
        } else {
            if (session.offer != null) {
                dto.localParty = session.offer.caller().number();
                dto.remoteParty = session.offer.callee().number();
            }
            dto.startMillis = (session.firstRtpMicros < 0 ? session.createdMicros : session.firstRtpMicros) / 1000;
        }
        dto.lastActivityMillis = session.lastActivityMicros() / 1000;
        dto.side1Packets = session.side1.packets - session.side1PacketsBefore;
        dto.side2Packets = session.side2.packets - session.side2PacketsBefore;
        dto.onHold = session.onHold;
        dto.recording = session.started() && !session.unrecordable && session.keepsAudio;
        dto.paused = session.paused;
        return dto;
    }
}
