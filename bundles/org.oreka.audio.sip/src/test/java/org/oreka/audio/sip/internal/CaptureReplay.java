package org.oreka.audio.sip.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.oreka.audio.net.CaptureFileReader;
import org.oreka.audio.net.PacketDecoder;
import org.oreka.audio.net.TransportPacket;
import org.oreka.audio.sip.internal.fake.FakeConfig;
import org.oreka.audio.sip.internal.fake.RecordingSink;
import org.oreka.sdk.call.CallEvent;
import org.oreka.sdk.call.CallEvent.CallOffered;
import org.oreka.sdk.call.CallEvent.MediaAnnounced;
import org.oreka.sdk.call.MediaDescription;
import org.oreka.sdk.capture.CapturedFrame;

/**
 * A test capture run through the recorder's file reader and packet decoder into a fresh SIP decoder, as the
 * recorder would run it.
 *
 * @param events every call event, in capture order
 * @param statistics the SIP decoder's counters afterwards
 * @param claimed how many datagrams the decoder took as SIP
 */
record CaptureReplay(List<CallEvent> events, Map<String, Long> statistics, int claimed) {

    static CaptureReplay of(String file) throws IOException {
        SipDecoder decoder = new SipDecoder();
        decoder.activate(FakeConfig.defaults());
        RecordingSink sink = new RecordingSink();
        PacketDecoder packets = new PacketDecoder(true);
        CapturedFrame frame = new CapturedFrame();
        int claimed = 0;
        try (CaptureFileReader reader = CaptureFileReader.open(GroundTruth.folder().resolve(file))) {
            while (reader.next(frame)) {
                TransportPacket packet = packets.decode(frame);
                if (packet != null && decoder.decode(packet, sink)) {
                    claimed++;
                }
            }
        }
        return new CaptureReplay(List.copyOf(sink.events()), decoder.statistics(), claimed);
    }

    <T extends CallEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends CallEvent> List<T> events(Class<T> type, String callId) {
        return events(type).stream().filter(e -> e.callId().equals(callId)).toList();
    }

    /** Every media address an offer or announcement named, as {@code ip:port}. */
    Set<String> mediaAddresses() {
        Stream<MediaDescription> offered = events(CallOffered.class).stream().flatMap(o -> o.media().stream());
        Stream<MediaDescription> announced = events(MediaAnnounced.class).stream().flatMap(a -> a.media().stream());
        return Stream.concat(offered, announced).map(m -> text(m.address())).collect(Collectors.toSet());
    }

    static String text(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    /** The media of the call's events of one type, flattened, in order. */
    List<MediaDescription> media(Class<? extends CallEvent> type, String callId) {
        List<MediaDescription> media = new ArrayList<>();
        for (CallEvent event : events(type, callId)) {
            if (event instanceof CallOffered offered) {
                media.addAll(offered.media());
            } else if (event instanceof MediaAnnounced announced) {
                media.addAll(announced.media());
            }
        }
        return media;
    }
}
