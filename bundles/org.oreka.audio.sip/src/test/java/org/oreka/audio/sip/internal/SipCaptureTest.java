package org.oreka.audio.sip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.oreka.audio.sip.internal.GroundTruth.Capture;
import org.oreka.audio.sip.internal.GroundTruth.Dialog;
import org.oreka.audio.sip.internal.GroundTruth.RtpStream;
import org.oreka.sdk.call.CallEvent.CallEnded;
import org.oreka.sdk.call.CallEvent.CallFailed;
import org.oreka.sdk.call.CallEvent.CallOffered;
import org.oreka.sdk.call.CallEvent.CallTransferred;
import org.oreka.sdk.call.CallEvent.DtmfSignalled;
import org.oreka.sdk.call.CallEvent.MediaAnnounced;
import org.oreka.sdk.call.MediaDescription;
import org.oreka.sdk.call.MediaMode;
import org.oreka.sdk.call.Party;

/** The test captures of testdata/pcap decoded end to end and checked against tshark's ground truth. */
class SipCaptureTest {

    /** A NetMon file the capture reader rightly refuses; it has no SIP to check. */
    private static final String NOT_A_PCAP = "ws-c07-sip-r2-netmon.cap";
    /** RTP ends that tshark learnt from other signalling (MGCP CRCX in the wiki's G.711 sample), not from SIP. */
    private static final Set<String> NOT_SIP_SIGNALLED = Set.of("200.57.7.202:30000");

    static Stream<Arguments> captures() throws IOException {
        return GroundTruth.read().values().stream().filter(c -> !c.file().equals(NOT_A_PCAP))
                .map(c -> Arguments.of(Named.of(c.file(), c)));
    }

    private static String normalized(String ipPort) throws IOException {
        int colon = ipPort.lastIndexOf(':');
        return InetAddress.getByName(ipPort.substring(0, colon)).getHostAddress() + ipPort.substring(colon);
    }

    /**
     * Every capture: the Call-IDs, parties and INVITE counts of tshark's dialogs, one CallEnded per BYE and one
     * CallFailed per CANCEL, every signalled RTP stream with an end the SDP named, and no internal error.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void everyCaptureMatchesTsharksDialogs(Capture truth) throws IOException {
        CaptureReplay replay = CaptureReplay.of(truth.file());
        assertEquals(0L, replay.statistics().get("internalErrors"), replay.statistics()::toString);

        Map<String, List<CallOffered>> offers = replay.events(CallOffered.class).stream()
                .collect(Collectors.groupingBy(CallOffered::callId));
        assertEquals(truth.dialogs().stream().map(Dialog::callId).collect(Collectors.toSet()), offers.keySet());
        for (Dialog dialog : truth.dialogs()) {
            List<CallOffered> invites = offers.get(dialog.callId());
            assertEquals(dialog.invites(), invites.size(), "INVITEs of " + dialog.callId());
            assertEquals(dialog.fromUser(), invites.get(0).caller().number(), "From of " + dialog.callId());
            assertEquals(dialog.toUser(), invites.get(0).callee().number(), "To of " + dialog.callId());
        }
        assertEquals(truth.methods().getOrDefault("BYE", 0), replay.events(CallEnded.class).size(), "BYEs");
        assertEquals(truth.methods().getOrDefault("CANCEL", 0),
                (int) replay.events(CallFailed.class).stream().filter(f -> f.statusCode() == 0).count(), "CANCELs");
        assertEquals(truth.methods().getOrDefault("REFER", 0), replay.events(CallTransferred.class).size(), "REFERs");

        if (!truth.dialogs().isEmpty()) {
            Set<String> media = replay.mediaAddresses();
            for (RtpStream stream : truth.signalledRtp()) {
                if (NOT_SIP_SIGNALLED.contains(stream.source())) {
                    continue;
                }
                assertTrue(media.contains(normalized(stream.source())) || media.contains(normalized(stream.destination())),
                        () -> stream + " has no end among the media the signalling named: " + media);
            }
        }
    }

    @Test
    void g711CallsOfferAndAnswerTheirStreams() throws IOException {
        CaptureReplay replay = CaptureReplay.of("ws-sip-rtp-g711.pcap");
        CallOffered first = replay.events(CallOffered.class, "1-1966@10.0.2.20").get(0);
        assertEquals(new Party("sipp", "PCMU/8000", "10.0.2.20"), first.caller());
        assertEquals(new Party("test", "test", "10.0.2.15"), first.callee());
        assertEquals(new Party("test", "", "10.0.2.15"), first.requestUri());
        assertEquals("10.0.2.20:5060", CaptureReplay.text(first.signallingSource()));
        assertEquals(List.of(new MediaDescription(first.media().get(0).address(), Map.of(0, "PCMU/8000"),
                MediaMode.RECVONLY)), first.media());
        assertEquals("10.0.2.20:6000", CaptureReplay.text(first.media().get(0).address()));

        MediaAnnounced answer = replay.events(MediaAnnounced.class, "1-1966@10.0.2.20").get(0);
        assertEquals("10.0.2.15:5060", CaptureReplay.text(answer.announcer()));
        assertEquals("10.0.2.15:27942", CaptureReplay.text(answer.media().get(0).address()));
        assertEquals(Map.of(0, "PCMU/8000", 101, "telephone-event/8000"), answer.media().get(0).payloadTypes());
        assertEquals(MediaMode.SENDONLY, answer.media().get(0).mode());

        MediaAnnounced second = replay.events(MediaAnnounced.class, "1-1968@10.0.2.20").get(0);
        assertEquals("10.0.2.15:28102", CaptureReplay.text(second.media().get(0).address()));
        assertEquals(Map.of(8, "PCMA/8000", 101, "telephone-event/8000"), second.media().get(0).payloadTypes());
        assertEquals(1, replay.events(CallEnded.class, "1-1966@10.0.2.20").size());
        assertEquals(0, replay.events(CallEnded.class, "1-1968@10.0.2.20").size(), "the capture ends before its BYE");
    }

    @Test
    void compactFormInvite() throws IOException {
        CallOffered offer = CaptureReplay.of("suri-sip_compact_form.pcap").events(CallOffered.class).get(0);
        assertEquals("105090259-446faf7a@192.168.1.2", offer.callId());
        assertEquals(new Party("816666", "arik", "voip.brurjula.net"), offer.caller());
        assertEquals(new Party("97239287044", "", "voip.brujula.net"), offer.callee());
        assertEquals("Nero SIPPS IP Phone Version 2.0.51.16", offer.userAgent());
        assertEquals("192.168.1.2:30000", CaptureReplay.text(offer.media().get(0).address()));
        assertEquals(Map.of(0, "pcmu/8000", 8, "PCMA", 3, "GSM"), offer.media().get(0).payloadTypes());
    }

    @Test
    void aCallOverTcp() throws IOException {
        CaptureReplay replay = CaptureReplay.of("hep-sip_ipv4_tcp.pcap");
        String callId = "158936656982201062716@10.33.6.100";
        assertEquals(List.of("10.33.6.100:6000"), replay.media(CallOffered.class, callId).stream()
                .map(m -> CaptureReplay.text(m.address())).toList());
        assertEquals(List.of("10.33.6.101:6050"), replay.media(MediaAnnounced.class, callId).stream()
                .map(m -> CaptureReplay.text(m.address())).toList());
        assertEquals(1, replay.events(CallEnded.class, callId).size());
        assertEquals(0L, replay.statistics().get("tcpJunkLines"));
        assertEquals(0L, replay.statistics().get("tcpGaps"));
        assertEquals(7L, replay.statistics().get("messages"));
    }

    @Test
    void aLargeInviteInFiveTcpSegments() throws IOException {
        CaptureReplay replay = CaptureReplay.of("suri-sip-body-large.pcap");
        CallOffered offer = replay.events(CallOffered.class).get(0);
        assertEquals("test123@attacker.com", offer.callId());
        assertEquals(new Party("alice", "", "attacker.com"), offer.caller());
        assertEquals(new Party("bob", "", "target.com"), offer.callee());
        assertEquals(2L, replay.statistics().get("messages"), "the INVITE and its 100 Trying, each once");
        assertEquals(0L, replay.statistics().get("tcpOversized"));
        assertEquals(0L, replay.statistics().get("tcpJunkLines"), "no part of the body was mistaken for a message");
    }

    @Test
    void siprecStreamsKnowTheirSenders() throws IOException {
        CaptureReplay replay = CaptureReplay.of("synth-siprec-2streams.pcap");
        List<MediaDescription> offer = replay.media(CallOffered.class, "siprec-1@192.0.2.10");
        assertEquals(List.of("192.0.2.10:40000", "192.0.2.10:40002"),
                offer.stream().map(m -> CaptureReplay.text(m.address())).toList());
        assertEquals(List.of("1", "2"), offer.stream().map(MediaDescription::label).toList());
        assertEquals(List.of(new Party("alice", "Alice"), new Party("bob", "Bob")),
                offer.stream().map(MediaDescription::sender).toList());
        assertTrue(offer.stream().allMatch(m -> m.mode() == MediaMode.SENDONLY));

        List<MediaDescription> answer = replay.media(MediaAnnounced.class, "siprec-1@192.0.2.10");
        assertEquals(List.of("192.0.2.20:50000", "192.0.2.20:50002"),
                answer.stream().map(m -> CaptureReplay.text(m.address())).toList());
        assertEquals(List.of("1", "2"), answer.stream().map(MediaDescription::label).toList());
        assertEquals(List.of(new Party("alice", "Alice"), new Party("bob", "Bob")),
                answer.stream().map(MediaDescription::sender).toList());
        assertTrue(answer.stream().allMatch(m -> m.mode() == MediaMode.RECVONLY));
    }

    @Test
    void holdThenResumeOnANewPort() throws IOException {
        CaptureReplay replay = CaptureReplay.of("synth-hold-reinvite-newport.pcap");
        List<MediaDescription> offers = replay.media(CallOffered.class, "hold-reinvite-1@10.0.0.1");
        assertEquals(List.of(MediaMode.SENDRECV, MediaMode.SENDONLY, MediaMode.SENDRECV),
                offers.stream().map(MediaDescription::mode).toList());
        assertEquals(List.of("10.0.0.1:20000", "10.0.0.1:20000", "10.0.0.1:20002"),
                offers.stream().map(m -> CaptureReplay.text(m.address())).toList());
        assertEquals(List.of(MediaMode.SENDRECV, MediaMode.RECVONLY, MediaMode.SENDRECV),
                replay.media(MediaAnnounced.class, "hold-reinvite-1@10.0.0.1").stream()
                        .map(MediaDescription::mode).toList());
        assertEquals(new Party("alice", "Alice", "example.com"), replay.events(CallOffered.class).get(0).caller());
    }

    @Test
    void aDeclinedCallThenAnAnswerInTheAck() throws IOException {
        CaptureReplay replay = CaptureReplay.of("ws-SIP_DTMF2.pcap");
        assertEquals(List.of(new CallFailed("5514@192.168.105.110",
                replay.events(CallFailed.class).get(0).timestampMicros(), 603, "Decline")),
                replay.events(CallFailed.class));
        String callId = "25672@192.168.105.110";
        assertTrue(replay.events(CallOffered.class, callId).stream().allMatch(o -> o.media().isEmpty()),
                "the INVITEs carry no SDP");
        List<MediaAnnounced> announced = replay.events(MediaAnnounced.class, callId);
        MediaAnnounced ack = announced.stream()
                .filter(a -> CaptureReplay.text(a.announcer()).equals("192.168.105.110:5060")
                        && a.media().get(0).address().getPort() == 4374)
                .findFirst().orElseThrow();
        assertEquals(Map.of(8, "PCMA/8000", 96, "telephone-event/8000"), ack.media().get(0).payloadTypes());
    }

    @Test
    void authenticationChallengesAreNotFailuresButCancelsAre() throws IOException {
        CaptureReplay replay = CaptureReplay.of("ws-aaa.pcap");
        Set<Integer> statuses = replay.events(CallFailed.class).stream().map(CallFailed::statusCode)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(0, 403, 408, 480), statuses);
        assertEquals(11, replay.events(CallFailed.class).stream().filter(f -> f.reason().equals("CANCEL")).count());
    }

    @Test
    void infoDigitsOverPppoe() throws IOException {
        CaptureReplay replay = CaptureReplay.of("ws-DTMFsipinfo.pcap");
        assertEquals(List.of("1", "3", "4", "2"),
                replay.events(DtmfSignalled.class).stream().map(DtmfSignalled::digit).toList());
    }

    @Test
    void mirroredDuplicatesHoldAndTransfer() throws IOException {
        CaptureReplay replay = CaptureReplay.of("hep-erspan_sip_ipv4_udp.pcapng");
        assertTrue(replay.events(CallOffered.class).stream().flatMap(o -> o.media().stream())
                .anyMatch(m -> m.mode() == MediaMode.SENDONLY), "the hold re-INVITEs offer sendonly");
        assertTrue(replay.events(MediaAnnounced.class).stream().flatMap(a -> a.media().stream())
                .anyMatch(m -> m.mode() == MediaMode.RECVONLY), "and are answered recvonly");
        assertFalse(replay.events(CallTransferred.class).get(0).referTo().number().isEmpty());
    }

    @Test
    void malformedCapturesAreToleratedAndCounted() throws IOException {
        CaptureReplay invalidLength = CaptureReplay.of("zeek-sip-invalid-content-length.pcap");
        assertEquals(2L, invalidLength.statistics().get("invalidContentLength"));
        assertEquals(new Party("alice", "", "10.0.0.1"), invalidLength.events(CallOffered.class).get(0).caller());
        CaptureReplay junk = CaptureReplay.of("zeek-sip-junk-before-request.pcap");
        assertEquals(1, junk.claimed(), "the junk datagram is not SIP, the REGISTER is");
        CaptureReplay longPaths = CaptureReplay.of("zeek-sip-long-request-response-paths.pcap");
        assertEquals(2, longPaths.claimed());
    }
}
