package org.oreka.audio.sip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oreka.audio.sip.internal.SipSamples.ALICE;
import static org.oreka.audio.sip.internal.SipSamples.BOB;
import static org.oreka.audio.sip.internal.SipSamples.invite;
import static org.oreka.audio.sip.internal.SipSamples.lines;
import static org.oreka.audio.sip.internal.SipSamples.message;
import static org.oreka.audio.sip.internal.SipSamples.request;
import static org.oreka.audio.sip.internal.SipSamples.response;
import static org.oreka.audio.sip.internal.SipSamples.sdp;
import static org.oreka.audio.sip.internal.fake.FakeDatagram.address;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oreka.audio.sip.internal.fake.FakeConfig;
import org.oreka.audio.sip.internal.fake.FakeDatagram;
import org.oreka.audio.sip.internal.fake.RecordingSink;
import org.oreka.sdk.call.CallEvent;
import org.oreka.sdk.call.CallEvent.CallEnded;
import org.oreka.sdk.call.CallEvent.CallFailed;
import org.oreka.sdk.call.CallEvent.CallOffered;
import org.oreka.sdk.call.CallEvent.CallTagged;
import org.oreka.sdk.call.CallEvent.CallTransferred;
import org.oreka.sdk.call.CallEvent.DtmfSignalled;
import org.oreka.sdk.call.CallEvent.MediaAnnounced;
import org.oreka.sdk.call.Direction;
import org.oreka.sdk.call.MediaDescription;
import org.oreka.sdk.call.MediaMode;
import org.oreka.sdk.call.Party;

/** The decoder end to end on literal messages: every event it reports and every rule it follows. */
class SipDecoderTest {

    private final RecordingSink sink = new RecordingSink();
    private SipDecoder decoder;
    private long clock = 1_700_000_000_000_000L;

    @BeforeEach
    void start() {
        decoder = new SipDecoder();
        decoder.activate(FakeConfig.defaults());
    }

    private boolean udp(String from, String to, String text) {
        clock += 1000;
        return decoder.decode(FakeDatagram.udp(clock, from, to, text), sink);
    }

    @Test
    void anInviteOffersTheCall() {
        assertTrue(udp(ALICE, BOB, invite("call-1@host", sdp("10.0.0.1", 20000))));
        CallOffered offered = sink.single(CallOffered.class);
        assertEquals("call-1@host", offered.callId());
        assertEquals(clock, offered.timestampMicros());
        assertEquals(new Party("alice", "Alice Smith", "example.com"), offered.caller());
        assertEquals(new Party("bob", "", "example.com"), offered.callee());
        assertEquals(new Party("bob", "", "example.com"), offered.requestUri());
        assertEquals(Direction.UNKNOWN, offered.direction());
        assertEquals(address(ALICE), offered.signallingSource());
        assertEquals(address(BOB), offered.signallingDestination());
        assertEquals(List.of(new MediaDescription(address("10.0.0.1:20000"),
                Map.of(0, "PCMU", 8, "PCMA", 101, "telephone-event/8000"), MediaMode.SENDRECV)), offered.media());
        assertEquals("", offered.userAgent());
        assertEquals(Map.of(), offered.tags());
    }

    @Test
    void anInviteWithoutSdpOffersNoMedia() {
        udp(ALICE, BOB, invite("late@host", ""));
        assertEquals(List.of(), sink.single(CallOffered.class).media());
    }

    @Test
    void sipIsRecognisedOnAnyPortAndOtherPayloadsAreNot() {
        assertTrue(udp("10.0.0.1:40000", "10.0.0.2:7777", invite("anyport@host", "")));
        assertFalse(udp(ALICE, BOB, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
        assertFalse(udp(ALICE, BOB, "\u0080\u0000\u0001junk"));
        assertFalse(udp(ALICE, BOB, "junk"));
        assertFalse(udp(ALICE, BOB, ""));
        assertEquals(1, sink.events().size());
    }

    @Test
    void okAndSessionProgressWithSdpAnnounceMediaFromTheirSender() {
        udp(ALICE, BOB, invite("c@h", sdp("10.0.0.1", 20000)));
        udp(BOB, ALICE, response("100 Trying", "c@h", "1 INVITE", ""));
        udp(BOB, ALICE, response("180 Ringing", "c@h", "1 INVITE", ""));
        udp(BOB, ALICE, response("183 Session Progress", "c@h", "1 INVITE", sdp("10.0.0.2", 30000)));
        udp(BOB, ALICE, response("200 OK", "c@h", "1 INVITE", sdp("10.0.0.2", 30002, "a=sendonly")));
        List<MediaAnnounced> announced = sink.events(MediaAnnounced.class);
        assertEquals(2, announced.size());
        assertEquals(address(BOB), announced.get(0).announcer());
        assertEquals(address("10.0.0.2:30000"), announced.get(0).media().get(0).address());
        assertEquals(MediaMode.SENDONLY, announced.get(1).media().get(0).mode());
    }

    @Test
    void anAckWithSdpAnnouncesTheLateAnswer() {
        udp(ALICE, BOB, invite("late@h", ""));
        udp(BOB, ALICE, response("200 OK", "late@h", "1 INVITE", sdp("10.0.0.2", 30000)));
        udp(ALICE, BOB, request("ACK", "late@h", "Content-Type: application/sdp\r\n", sdp("10.0.0.1", 20000)));
        udp(ALICE, BOB, request("ACK", "late@h", "", ""));
        List<MediaAnnounced> announced = sink.events(MediaAnnounced.class);
        assertEquals(2, announced.size());
        assertEquals(address(ALICE), announced.get(1).announcer());
        assertEquals(address("10.0.0.1:20000"), announced.get(1).media().get(0).address());
    }

    @Test
    void okToOtherRequestsAnnouncesNothing() {
        udp(BOB, ALICE, response("200 OK", "c@h", "2 BYE", ""));
        udp(BOB, ALICE, response("200 OK", "c@h", "3 OPTIONS", sdp("10.0.0.2", 1)));
        assertEquals(List.of(), sink.events());
    }

    @Test
    void byeEndsAndCancelFailsTheCall() {
        udp(ALICE, BOB, request("BYE", "c@h", "", ""));
        udp(ALICE, BOB, request("CANCEL", "d@h", "", ""));
        assertEquals(new CallEnded("c@h", clock - 1000), sink.events().get(0));
        assertEquals(new CallFailed("d@h", clock, 0, "CANCEL"), sink.events().get(1));
    }

    @Test
    void finalFailuresToInviteFailTheCallExceptAuthenticationAndGlare() {
        for (String status : List.of("302 Moved Temporarily", "401 Unauthorized", "407 Proxy Authentication Required",
                "486 Busy Here", "491 Request Pending", "503 Service Unavailable", "603 Decline")) {
            udp(BOB, ALICE, response(status, "c@h", "1 INVITE", ""));
        }
        udp(BOB, ALICE, response("481 Call/Transaction Does Not Exist", "c@h", "2 BYE", ""));
        assertEquals(List.of(new CallFailed("c@h", 0, 302, "Moved Temporarily"), new CallFailed("c@h", 0, 486,
                "Busy Here"), new CallFailed("c@h", 0, 503, "Service Unavailable"), new CallFailed("c@h", 0, 603,
                "Decline")), sink.events(CallFailed.class).stream()
                        .map(f -> new CallFailed(f.callId(), 0, f.statusCode(), f.reason())).toList());
    }

    @Test
    void referTransfersTheCall() {
        udp(ALICE, BOB, request("REFER", "c@h", lines("Refer-To: <sip:carol@example.com?Replaces=x%3Bto-tag%3D1>",
                "Referred-By: \"Alice\" <sip:alice@example.com>"), ""));
        udp(ALICE, BOB, request("REFER", "d@h", "r: sip:dave@example.com\r\n", ""));
        List<CallTransferred> transfers = sink.events(CallTransferred.class);
        assertEquals(new Party("carol", "", "example.com"), transfers.get(0).referTo());
        assertEquals(new Party("alice", "Alice", "example.com"), transfers.get(0).referredBy());
        assertEquals(new Party("dave", "", "example.com"), transfers.get(1).referTo());
        assertEquals(Party.UNKNOWN, transfers.get(1).referredBy());
    }

    @Test
    void infoCarriesDtmfDigits() {
        udp(ALICE, BOB, request("INFO", "c@h", "Content-Type: application/dtmf-relay\r\n", "Signal=5\r\nDuration=160\r\n"));
        udp(ALICE, BOB, request("INFO", "c@h", "Content-Type: application/dtmf-relay\r\n", "Signal=11\r\n"));
        udp(ALICE, BOB, request("INFO", "c@h", "Content-Type: application/dtmf\r\n", "10"));
        udp(ALICE, BOB, request("INFO", "c@h", "Content-Type: application/dtmf\r\n", "x"));
        udp(ALICE, BOB, request("INFO", "c@h", "Content-Type: application/media_control+xml\r\n", "<x/>"));
        assertEquals(List.of("5", "#", "*"), sink.events(DtmfSignalled.class).stream().map(DtmfSignalled::digit).toList());
        assertEquals(1L, decoder.statistics().get("invalidDtmf"));
    }

    @Test
    void extractedFieldsAndTheOnDemandHeaderBecomeTags() {
        decoder.modified(FakeConfig.defaults().extractFields(" X-Customer-Id , subject,, x-customer-id"));
        String headers = lines("X-Customer-ID:   4711", "s: Support call", "X-Record: true", "User-Agent: Phone 2.1");
        udp(ALICE, BOB, message("INVITE sip:bob@example.com SIP/2.0",
                SipSamples.dialogHeaders("tags@h", "1 INVITE") + headers, ""));
        CallOffered offered = sink.single(CallOffered.class);
        assertEquals(Map.of("X-Customer-Id", "4711", "subject", "Support call", "X-record", "true"), offered.tags());
        assertEquals("Phone 2.1", offered.userAgent());
        udp(ALICE, BOB, request("INFO", "tags@h", "X-record: false\r\n", ""));
        assertEquals(new CallTagged("tags@h", clock, "X-record", "false"), sink.single(CallTagged.class));
    }

    @Test
    void aConfigurationChangeAppliesToTheNextMessage() {
        udp(ALICE, BOB, invite("a@h", ""));
        decoder.modified(FakeConfig.defaults().fullAddress(true));
        udp(ALICE, BOB, invite("b@h", ""));
        List<CallOffered> offers = sink.events(CallOffered.class);
        assertEquals("alice", offers.get(0).caller().number());
        assertEquals("alice@example.com", offers.get(1).caller().number());
        assertEquals("bob@example.com", offers.get(1).requestUri().number());
    }

    @Test
    void aMessageWithoutCallIdIsCountedAndIgnored() {
        assertTrue(udp(ALICE, BOB, "INVITE sip:bob@x SIP/2.0\r\nFrom: <sip:a@x>\r\nTo: <sip:b@x>\r\n\r\n"));
        assertEquals(List.of(), sink.events());
        assertEquals(1L, decoder.statistics().get("missingCallId"));
    }

    @Test
    void compactFormsAndBareLineFeedsDecodeLikeFullForms() {
        String text = "INVITE sip:97239287044@voip.example.net SIP/2.0\n"
                + "v: SIP/2.0/UDP 192.168.1.2:5060;branch=z9hG4bK1\n"
                + "f: \\\"arik\\\" <sip:816666@voip.example.net>;tag=6433ef9\n"
                + "t: <sip:97239287044@voip.example.net>\n"
                + "i: 105090259-446faf7a@192.168.1.2\n"
                + "c: application/sdp\n"
                + "l: 999\n"
                + "\n"
                + "v=0\nc=IN IP4 192.168.1.2\nm=audio 30000 RTP/AVP 0 8 97 2 3\na=rtpmap:0 pcmu/8000\n";
        udp("192.168.1.2:5060", "192.168.1.1:5060", text);
        CallOffered offered = sink.single(CallOffered.class);
        assertEquals("105090259-446faf7a@192.168.1.2", offered.callId());
        assertEquals(new Party("816666", "arik", "voip.example.net"), offered.caller());
        assertEquals(new Party("97239287044", "", "voip.example.net"), offered.callee());
        assertEquals(Map.of(0, "pcmu/8000", 8, "PCMA", 3, "GSM"), offered.media().get(0).payloadTypes());
    }

    @Test
    void badContentLengthIsCountedAndTheBodyStillRead() {
        udp(ALICE, BOB, "SIP/2.0 200 OK\r\n" + SipSamples.dialogHeaders("bad@h", "1 INVITE")
                + "Content-Type: application/sdp\r\nContent-Length: bad\r\n\r\n" + sdp("10.0.0.2", 30000));
        assertEquals(30000, sink.single(MediaAnnounced.class).media().get(0).address().getPort());
        assertEquals(1L, decoder.statistics().get("invalidContentLength"));
    }

    @Test
    void holdAndResumeAreVisibleInTheReInviteMedia() {
        udp(ALICE, BOB, invite("hold@h", sdp("10.0.0.1", 20000)));
        udp(ALICE, BOB, invite("hold@h", sdp("10.0.0.1", 20000, "a=sendonly")));
        udp(ALICE, BOB, invite("hold@h", SipSamples.lines("v=0", "c=IN IP4 0.0.0.0", "m=audio 20000 RTP/AVP 0")));
        udp(ALICE, BOB, invite("hold@h", sdp("10.0.0.1", 20002)));
        List<MediaDescription> media = sink.events(CallOffered.class).stream().map(o -> o.media().get(0)).toList();
        assertEquals(List.of(MediaMode.SENDRECV, MediaMode.SENDONLY, MediaMode.INACTIVE, MediaMode.SENDRECV),
                media.stream().map(MediaDescription::mode).toList());
        assertEquals(20002, media.get(3).address().getPort());
    }

    @Test
    void ipv6SignallingAndMedia() {
        String body = SipSamples.lines("v=0", "o=- 1 1 IN IP6 2001:db8::a", "s=-", "c=IN IP6 2001:db8::a", "t=0 0",
                "m=audio 16000 RTP/AVP 8");
        String text = message("INVITE sip:bob6@[2001:db8::b] SIP/2.0", lines("From: <sip:alice6@[2001:db8::a]>;tag=1",
                "To: <sip:bob6@[2001:db8::b]>", "Call-ID: v6call-1@[2001:db8::a]", "CSeq: 1 INVITE",
                "Content-Type: application/sdp"), body);
        assertTrue(udp("[2001:db8::a]:5060", "[2001:db8::b]:5060", text));
        CallOffered offered = sink.single(CallOffered.class);
        assertEquals(address("[2001:db8::a]:16000"), offered.media().get(0).address());
        assertEquals(address("[2001:db8::a]:5060"), offered.signallingSource());
        assertEquals("alice6", offered.caller().number());
    }

    @Test
    void rejectedAndNonAudioStreamsAreSkipped() {
        udp(ALICE, BOB, invite("mix@h", SipSamples.lines("v=0", "c=IN IP4 10.0.0.1", "m=video 5000 RTP/AVP 96",
                "m=audio 0 RTP/AVP 0", "m=audio 4000 RTP/AVP 8", "m=application 9 UDP/BFCP *")));
        List<MediaDescription> media = sink.single(CallOffered.class).media();
        assertEquals(1, media.size());
        assertEquals(4000, media.get(0).address().getPort());
    }

    @Test
    void anSdpWithoutConnectionUsesTheSendersAddress() {
        udp(ALICE, BOB, invite("noc@h", SipSamples.lines("v=0", "m=audio 4000 RTP/AVP 0")));
        assertEquals(address("10.0.0.1:4000"), sink.single(CallOffered.class).media().get(0).address());
    }

    @Test
    void siprecMetadataNamesTheSenderOfEachLabelledStream() {
        String sdp = SipSamples.lines("v=0", "o=src 1 1 IN IP4 192.0.2.10", "s=-", "c=IN IP4 192.0.2.10", "t=0 0",
                "m=audio 40000 RTP/AVP 0", "a=label:1", "a=sendonly", "m=video 0 RTP/AVP 96", "a=label:v",
                "m=audio 40002 RTP/AVP 0", "a=label:2", "a=sendonly");
        String body = "--uniqueBoundary\r\nContent-Type: application/sdp\r\n\r\n" + sdp
                + "\r\n--uniqueBoundary\r\nContent-Type: application/rs-metadata+xml\r\n"
                + "Content-Disposition: recording-session\r\n\r\n" + SiprecMetadataTest.RFC7865
                + "\r\n--uniqueBoundary--\r\n";
        String inviteText = message("INVITE sip:srs@recorder.example.com SIP/2.0",
                lines("From: <sip:src@sbc.example.com>;tag=s1", "To: <sip:srs@recorder.example.com>",
                        "Call-ID: siprec-1@192.0.2.10", "CSeq: 101 INVITE", "Require: siprec",
                        "Content-Type: multipart/mixed;boundary=uniqueBoundary"), body);
        udp("192.0.2.10:5060", "192.0.2.20:5060", inviteText);
        List<MediaDescription> offer = sink.single(CallOffered.class).media();
        assertEquals(List.of("1", "2"), offer.stream().map(MediaDescription::label).toList());
        assertEquals(List.of(new Party("alice", "Alice"), new Party("bob", "Bob Ørsted")),
                offer.stream().map(MediaDescription::sender).toList());

        String answer = SipSamples.lines("v=0", "c=IN IP4 192.0.2.20", "m=audio 50000 RTP/AVP 0", "a=recvonly",
                "m=video 0 RTP/AVP 96", "m=audio 50002 RTP/AVP 0", "a=recvonly");
        udp("192.0.2.20:5060", "192.0.2.10:5060", message("SIP/2.0 200 OK", lines("Call-ID: siprec-1@192.0.2.10",
                "CSeq: 101 INVITE", "Content-Type: application/sdp"), answer));
        List<MediaDescription> answered = sink.single(MediaAnnounced.class).media();
        assertEquals(List.of("1", "2"), answered.stream().map(MediaDescription::label).toList(),
                "the answer's streams take the offer's labels by m-line index");
        assertEquals(List.of("alice", "bob"), answered.stream().map(m -> m.sender().number()).toList());
        assertEquals(50002, answered.get(1).address().getPort());
    }

    @Test
    void siprecSendersHonourFullAddressesAndBrokenMetadataIsCounted() {
        decoder.modified(FakeConfig.defaults().fullAddress(true));
        String body = "--b\r\nContent-Type: application/sdp\r\n\r\n" + sdp("192.0.2.10", 40000, "a=label:1")
                + "\r\n--b\r\nContent-Type: application/rs-metadata+xml\r\n\r\n" + SiprecMetadataTest.RFC7865
                + "\r\n--b--\r\n";
        udp(ALICE, BOB, message("INVITE sip:srs@x SIP/2.0", lines("Call-ID: full@h", "CSeq: 1 INVITE",
                "Content-Type: multipart/mixed; boundary=\"b\""), body));
        assertEquals(new Party("alice@example.com", "Alice"), sink.single(CallOffered.class).media().get(0).sender());

        udp(ALICE, BOB, message("INVITE sip:srs@x SIP/2.0", lines("Call-ID: broken@h", "CSeq: 1 INVITE",
                "Content-Type: multipart/mixed;boundary=b"), body.replace("</recording>", "")));
        assertEquals(Party.UNKNOWN, sink.events(CallOffered.class).get(1).media().get(0).sender());
        assertEquals(1L, decoder.statistics().get("invalidMetadata"));
    }

    @Test
    void duplicatedMessagesFromMirrorPortsDecodeTwice() {
        String text = invite("dup@h", sdp("10.0.0.1", 20000));
        udp(ALICE, BOB, text);
        udp(ALICE, BOB, text);
        udp(BOB, ALICE, request("BYE", "dup@h", "", ""));
        udp(BOB, ALICE, request("BYE", "dup@h", "", ""));
        assertEquals(2, sink.events(CallOffered.class).size());
        assertEquals(sink.events(CallOffered.class).get(0).media(), sink.events(CallOffered.class).get(1).media());
        assertEquals(2, sink.events(CallEnded.class).size());
    }

    @Test
    void sipOverTcpIsReassembledOrIgnoredAsConfigured() {
        byte[] text = (invite("tcp@h", "") + request("BYE", "tcp@h", "", "")).getBytes(StandardCharsets.UTF_8);
        assertTrue(decoder.decode(FakeDatagram.tcp(clock, ALICE, BOB, 1000, 0, text), sink));
        assertEquals(List.of(CallOffered.class, CallEnded.class),
                sink.events().stream().map(CallEvent::getClass).toList());
        decoder.modified(FakeConfig.defaults().overTcp(false));
        assertFalse(decoder.decode(FakeDatagram.tcp(clock, "10.0.0.5:5060", BOB, 1, 0, text), sink));
        assertEquals(2, sink.events().size());
    }

    @Test
    void aThrowingSinkIsCountedNotPropagated() {
        assertTrue(decoder.decode(FakeDatagram.udp(clock, ALICE, BOB, request("BYE", "x@h", "", "")), event -> {
            throw new IllegalStateException("tracker failure");
        }));
        assertEquals(1L, decoder.statistics().get("internalErrors"));
    }
}
