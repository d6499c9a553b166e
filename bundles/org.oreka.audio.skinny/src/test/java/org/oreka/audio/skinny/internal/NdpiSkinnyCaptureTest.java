package org.oreka.audio.skinny.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.oreka.audio.net.CaptureFileReader;
import org.oreka.audio.net.PacketDecoder;
import org.oreka.audio.net.TransportPacket;
import org.oreka.audio.skinny.internal.fake.RecordingSink;
import org.oreka.sdk.call.CallEvent;
import org.oreka.sdk.call.CallEvent.CallEnded;
import org.oreka.sdk.call.CallEvent.CallOffered;
import org.oreka.sdk.call.CallEvent.MediaAnnounced;
import org.oreka.sdk.call.Direction;
import org.oreka.sdk.call.MediaDescription;
import org.oreka.sdk.call.MediaMode;
import org.oreka.sdk.call.Party;
import org.oreka.sdk.capture.CapturedFrame;
import org.oreka.sdk.net.Transport;

/**
 * Runs testdata/pcap/ndpi-skinny.pcap through the decoder: CUCM 192.168.193.12 connects 321 "RIX Meeting Room"
 * (phone 192.168.195.58, call reference 19805770) to 307 "Ervins Gailiss" (phone 192.168.195.50, 19805771), with
 * RTP 192.168.195.50:17718 to and from 192.168.195.58:32144 and built-in-bridge copies to 192.168.193.24.
 * Oreka recorded only 321's voice here; each phone's call must get both directions with its own parties.
 */
class NdpiSkinnyCaptureTest {

    private static final String CALLER_PHONE = "192.168.195.58";
    private static final String CALLEE_PHONE = "192.168.195.50";
    private static final String CALLER_CALL = "skinny-192.168.195.58-19805770";
    private static final String CALLEE_CALL = "skinny-192.168.195.50-19805771";
    private static final Party RIX = new Party("321", "RIX Meeting Room");
    private static final Party ERVINS = new Party("307", "Ervins Gailiss");

    private final SkinnyDecoder decoder = PhoneLink.decoder(2000, false, false);
    private final RecordingSink sink = new RecordingSink();

    @Test
    void givesEachPhoneItsCallWithItsPartiesAndBothDirectionsOfItsRtp() throws IOException {
        List<InetSocketAddress[]> rtpFlows = replay();
        List<CallEvent> events = sink.events();
        events.forEach(event -> System.out.println("ndpi-skinny: " + event));

        List<CallOffered> offers = sink.events(CallOffered.class);
        assertEquals(2, offers.size(), "one offer per phone; repeated CallInfoV2 is not reported again");
        CallOffered caller = offer(offers, CALLER_CALL);
        assertEquals(RIX, caller.caller());
        assertEquals(ERVINS, caller.callee());
        assertEquals(Direction.OUT, caller.direction());
        assertEquals(Map.of("localip", CALLER_PHONE, "callmanager", "192.168.193.12"), caller.tags());
        CallOffered callee = offer(offers, CALLEE_CALL);
        assertEquals(RIX, callee.caller());
        assertEquals(ERVINS, callee.callee());
        assertEquals(Direction.IN, callee.direction());
        assertEquals(CALLEE_PHONE, callee.tags().get("localip"));

        Set<InetSocketAddress> conversation = Set.of(new InetSocketAddress(CALLEE_PHONE, 17718),
                new InetSocketAddress(CALLER_PHONE, 32144));
        assertEquals(conversation, announced(CALLER_CALL));
        assertEquals(conversation, announced(CALLEE_CALL));
        for (MediaAnnounced media : sink.events(MediaAnnounced.class)) {
            for (MediaDescription stream : media.media()) {
                assertEquals(Map.of(0, "PCMU"), stream.payloadTypes());
                assertEquals(MediaMode.SENDRECV, stream.mode());
            }
        }
        assertEquals(4, decoder.statistics().recordingForks.get(), "the four built-in-bridge copies");
        assertTrue(sink.events(CallEnded.class).isEmpty(), "the capture ends before the call");
        assertEquals(0, decoder.statistics().malformedMessages.get());
        assertEquals(0, decoder.statistics().failures.get());

        // Both directions of the phones' conversation reach both calls through an announced address, the way a
        // tracker looks RTP up by source and by destination.
        long conversationFlows = rtpFlows.stream().filter(flow -> conversation.contains(flow[0])
                && conversation.contains(flow[1])).map(flow -> flow[0]).distinct().count();
        assertEquals(2, conversationFlows);
    }

    /** Decodes the capture, hands every TCP segment to the decoder and returns the source and destination of UDP. */
    private List<InetSocketAddress[]> replay() throws IOException {
        Path capture = Paths.get(System.getProperty("oreka.testdata"), "pcap", "ndpi-skinny.pcap");
        PacketDecoder packets = new PacketDecoder(true);
        CapturedFrame frame = new CapturedFrame();
        List<InetSocketAddress[]> udp = new ArrayList<>();
        try (CaptureFileReader reader = CaptureFileReader.open(capture)) {
            while (reader.next(frame)) {
                TransportPacket packet = packets.decode(frame);
                if (packet == null) {
                    continue;
                }
                boolean claimed = decoder.decode(packet, sink);
                if (packet.transport() == Transport.UDP) {
                    assertFalse(claimed, "RTP is not Skinny");
                    udp.add(new InetSocketAddress[] {
                        new InetSocketAddress(packet.sourceAddress(), packet.sourcePort()),
                        new InetSocketAddress(packet.destinationAddress(), packet.destinationPort())});
                } else {
                    assertTrue(claimed, "every segment of the capture is on port 2000");
                }
            }
        }
        return udp;
    }

    private Set<InetSocketAddress> announced(String callId) {
        return sink.events(MediaAnnounced.class).stream().filter(media -> media.callId().equals(callId))
                .flatMap(media -> media.media().stream()).map(MediaDescription::address).collect(Collectors.toSet());
    }

    private static CallOffered offer(List<CallOffered> offers, String callId) {
        return offers.stream().filter(offer -> offer.callId().equals(callId)).findFirst().orElseThrow();
    }
}
