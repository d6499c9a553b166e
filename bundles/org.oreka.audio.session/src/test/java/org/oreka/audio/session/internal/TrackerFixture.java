package org.oreka.audio.session.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.oreka.audio.journal.JournalReader;
import org.oreka.audio.journal.JournalRecord;
import org.oreka.audio.net.TransportPacket;
import org.oreka.sdk.call.CallEvent;
import org.oreka.sdk.call.Direction;
import org.oreka.sdk.call.MediaDescription;
import org.oreka.sdk.call.MediaMode;
import org.oreka.sdk.call.Party;
import org.oreka.sdk.net.Transport;
import org.oreka.sdk.tape.SessionDTO;
import org.oreka.sdk.tape.TagDTO;
import org.oreka.sdk.tape.TapeDTO;

/** A session tracker writing into temporary folders, with helpers to build packets and events, and the events it emitted. */
final class TrackerFixture implements TrackerEvents {

    static final long T0 = 1_700_000_000_000_000L;

    final Path audio;
    final Path state;
    final List<TapeDTO> started = new ArrayList<>();
    final List<TapeDTO> updated = new ArrayList<>();
    /** Hold changes of running recordings, in order: true for on hold. */
    final List<Boolean> holds = new ArrayList<>();
    final List<TapeDTO> stopped = new ArrayList<>();
    /** For each stopped tape, whether it was kept (handed on) or deleted. */
    final List<Boolean> kept = new ArrayList<>();
    final List<SessionDTO> summaries = new ArrayList<>();
    final List<TagDTO> tags = new ArrayList<>();
    final SessionTracker tracker;

    /** @param lookBack LookBackRecording: false is on-demand mode */
    TrackerFixture(Path root, PartyRules rules, boolean lookBack) throws IOException {
        this.audio = Files.createDirectories(root.resolve("audio"));
        this.state = Files.createDirectories(root.resolve("state"));
        TrackerSettings settings = new TrackerSettings(rules, new LocalPartyMap(root.resolve("localpartymap.csv")), audio,
                state, "rec1", "orkaudio-rec1", 1024, true, new boolean[128], 50, false, true, 10_000_000, 10_000_000,
                300_000_000, 1_800_000_000, 0, 65536, true, lookBack, false);
        this.tracker = new SessionTracker(settings, this, new OrkuidGenerator(ZoneOffset.UTC, 0));
    }

    TrackerFixture(Path root, PartyRules rules) throws IOException {
        this(root, rules, true);
    }

    TrackerFixture(Path root) throws IOException {
        this(root, lanRules(), true);
    }

    /** The default LAN masks, no other direction rules. */
    static PartyRules lanRules() {
        return new PartyRules("", "", "Asterisk", true, "192.168.255.255, 10.255.255.255, 172.31.255.255", "");
    }

    @Override
    public void started(TapeDTO tape) {
        started.add(tape);
    }

    @Override
    public void updated(TapeDTO tape) {
        updated.add(tape);
    }

    @Override
    public void held(TapeDTO tape, boolean onHold) {
        holds.add(onHold);
    }

    @Override
    public boolean stopped(TapeDTO tape, boolean kept, SessionDTO summary) {
        stopped.add(tape);
        this.kept.add(kept);
        summaries.add(summary);
        return true;
    }

    @Override
    public void tagged(TagDTO tag) {
        tags.add(tag);
    }

    /** Feeds an RTP packet from {@code from} to {@code to} ("ip:port"). */
    void rtp(String from, String to, int payloadType, int seq, int timestamp, int ssrc, long atMicros, int payloadLength) {
        byte[] datagram = new byte[12 + payloadLength];
        datagram[0] = (byte) 0x80;
        datagram[1] = (byte) payloadType;
        datagram[2] = (byte) (seq >> 8);
        datagram[3] = (byte) seq;
        putInt(datagram, 4, timestamp);
        putInt(datagram, 8, ssrc);
        for (int i = 12; i < datagram.length; i++) {
            datagram[i] = (byte) (seq + i);
        }
        udp(from, to, datagram, atMicros);
    }

    void udp(String from, String to, byte[] datagram, long atMicros) {
        TransportPacket packet = packet(from, to);
        packet.payload(Transport.UDP, datagram, 0, datagram.length, atMicros, "test.pcap", -1, 0);
        tracker.onPacket(packet, List.of());
    }

    /** A DTMF event packet (RFC 4733). */
    void dtmf(String from, String to, int payloadType, int event, boolean end, int seq, int timestamp, long atMicros) {
        byte[] datagram = new byte[16];
        datagram[0] = (byte) 0x80;
        datagram[1] = (byte) payloadType;
        datagram[2] = (byte) (seq >> 8);
        datagram[3] = (byte) seq;
        putInt(datagram, 4, timestamp);
        putInt(datagram, 8, 77);
        datagram[12] = (byte) event;
        datagram[13] = (byte) (end ? 0x8a : 0x0a);
        datagram[14] = 0;
        datagram[15] = (byte) 160;
        udp(from, to, datagram, atMicros);
    }

    private static TransportPacket packet(String from, String to) {
        InetSocketAddress a = socket(from);
        InetSocketAddress b = socket(to);
        byte[] bytes = new byte[32];
        byte[] src = a.getAddress().getAddress();
        byte[] dst = b.getAddress().getAddress();
        System.arraycopy(src, 0, bytes, 0, src.length);
        System.arraycopy(dst, 0, bytes, 16, dst.length);
        return new TransportPacket().addresses(src.length == 4 ? 4 : 6, bytes, 0, 16, a.getPort(), b.getPort());
    }

    static InetSocketAddress socket(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        try {
            return new InetSocketAddress(InetAddress.getByName(hostPort.substring(0, colon).replace("[", "").replace("]", "")),
                    Integer.parseInt(hostPort.substring(colon + 1)));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(hostPort, e);
        }
    }

    static CallEvent.CallOffered invite(String callId, String from, String to, String signallingFrom, String signallingTo,
            long atMicros, MediaDescription... media) {
        return new CallEvent.CallOffered(callId, atMicros, Party.of(from), Party.of(to), Party.of(to), Direction.UNKNOWN,
                socket(signallingFrom), socket(signallingTo), List.of(media), "test", Map.of());
    }

    static MediaDescription media(String hostPort, MediaMode mode) {
        return new MediaDescription(socket(hostPort), Map.of(0, "PCMU"), mode);
    }

    void event(CallEvent event) {
        tracker.onCallEvent("SIP", event);
    }

    /** A BYE, and the capture clock running on past its grace period. */
    void bye(String callId, long atMicros) {
        event(new CallEvent.CallEnded(callId, atMicros));
        tracker.hoover(atMicros + 1_000_000);
    }

    /** The audio records of a tape's journal as "side:seq". */
    List<String> journal(TapeDTO tape) throws IOException {
        List<String> records = new ArrayList<>();
        try (JournalReader reader = new JournalReader(audio.resolve(tape.file))) {
            for (JournalRecord r = reader.next(); r != null; r = reader.next()) {
                if (!r.isMetadata()) {
                    records.add(r.side() + ":" + r.sequence());
                }
            }
        }
        return records;
    }

    /** The metadata records of a tape's journal other than rtpmap, as "text@micros since T0". */
    List<String> marks(TapeDTO tape) throws IOException {
        List<String> records = new ArrayList<>();
        try (JournalReader reader = new JournalReader(audio.resolve(tape.file))) {
            for (JournalRecord r = reader.next(); r != null; r = reader.next()) {
                if (r.isMetadata() && !r.metadata().startsWith("rtpmap")) {
                    records.add(r.metadata() + "@" + (r.arrivalMicros() - T0));
                }
            }
        }
        return records;
    }

    private static void putInt(byte[] b, int offset, int value) {
        b[offset] = (byte) (value >>> 24);
        b[offset + 1] = (byte) (value >>> 16);
        b[offset + 2] = (byte) (value >>> 8);
        b[offset + 3] = (byte) value;
    }
}
