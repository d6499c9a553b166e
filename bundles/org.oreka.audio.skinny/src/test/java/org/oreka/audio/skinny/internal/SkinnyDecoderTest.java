package org.oreka.audio.skinny.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oreka.audio.skinny.internal.SkinnyMessages.G711_ALAW;
import static org.oreka.audio.skinny.internal.SkinnyMessages.G711_ULAW;
import static org.oreka.audio.skinny.internal.SkinnyMessages.G729;
import static org.oreka.audio.skinny.internal.SkinnyMessages.V20;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.oreka.audio.skinny.internal.fake.RecordingSink;
import org.oreka.audio.skinny.internal.fake.SccpWriter;
import org.oreka.audio.skinny.internal.fake.TcpSegment;
import org.oreka.sdk.call.CallEvent;
import org.oreka.sdk.call.CallEvent.CallEnded;
import org.oreka.sdk.call.CallEvent.CallOffered;
import org.oreka.sdk.call.CallEvent.MediaAnnounced;
import org.oreka.sdk.call.Direction;
import org.oreka.sdk.call.MediaDescription;
import org.oreka.sdk.call.MediaMode;
import org.oreka.sdk.call.Party;
import org.oreka.sdk.net.Transport;

/** The call events each Skinny message produces: parties and direction, media, hold, hang-up and configuration. */
class SkinnyDecoderTest {

    private static final String PHONE = "192.168.195.50";
    private static final String OTHER_PHONE = "192.168.195.58";
    private static final long CALL = 19805771;
    private static final String CALL_ID = "skinny-" + PHONE + "-" + CALL;
    private static final Party CALLER = new Party("321", "RIX Meeting Room");
    private static final Party CALLEE = new Party("307", "Ervins Gailiss");

    private final RecordingSink sink = new RecordingSink();
    private final SkinnyDecoder decoder = PhoneLink.decoder(2000, false, false);
    private final PhoneLink phone = new PhoneLink(decoder, sink, PHONE, 51532);

    @Test
    void claimsOnlyTcpOnTheSkinnyPort() {
        byte[] message = SkinnyMessages.callState(1, 1, CALL);
        TcpSegment skinny = TcpSegment.tcp(1, PhoneLink.CALL_MANAGER, 2000, PHONE, 51532, 1, message);

        assertTrue(decoder.decode(skinny, sink));
        assertTrue(decoder.decode(TcpSegment.tcp(2, PHONE, 51532, PhoneLink.CALL_MANAGER, 2000, 1, new byte[0]), sink));
        assertFalse(decoder.decode(skinny.withTransport(Transport.UDP), sink));
        assertFalse(decoder.decode(TcpSegment.tcp(3, "10.0.0.1", 5060, "10.0.0.2", 5061, 1, message), sink));
    }

    @Test
    void inboundCallInfoMakesThePhoneTheCallee() {
        phone.toPhone(SkinnyMessages.callInfoV2(V20, 1, CALL, 1, "321", "RIX Meeting Room", "307", "Ervins Gailiss",
                "307"));

        CallOffered offered = assertInstanceOf(CallOffered.class, single());
        assertEquals(CALL_ID, offered.callId());
        assertEquals(CALLER, offered.caller());
        assertEquals(CALLEE, offered.callee());
        assertEquals(Direction.IN, offered.direction());
        assertEquals(new InetSocketAddress(PhoneLink.CALL_MANAGER, 2000), offered.signallingSource());
        assertEquals(new InetSocketAddress(PHONE, 51532), offered.signallingDestination());
        assertEquals(Map.of("localip", PHONE, "callmanager", PhoneLink.CALL_MANAGER), offered.tags());
        assertEquals(phone.clockMicros(), offered.timestampMicros());
    }

    @Test
    void outboundCallInfoMakesThePhoneTheCaller() {
        phone.toPhone(SkinnyMessages.callInfo(1, CALL, 2, "321", "RIX Meeting Room", "307", "Ervins Gailiss", ""));

        CallOffered offered = assertInstanceOf(CallOffered.class, single());
        assertEquals(Direction.OUT, offered.direction());
        assertEquals(CALLER, offered.caller());
        assertEquals(CALLEE, offered.callee());
    }

    @Test
    void forwardedCallsNameThePhonesLineAndKeepTheNumberCalled() {
        phone.toPhone(SkinnyMessages.lineStat(1, "307", "Ervins Gailiss"));
        phone.toPhone(SkinnyMessages.callInfo(1, CALL, 3, "321", "RIX Meeting Room", "500", "Help Desk", "500"));

        CallOffered offered = assertInstanceOf(CallOffered.class, single());
        assertEquals(Direction.IN, offered.direction());
        assertEquals(CALLER, offered.caller());
        assertEquals(CALLEE, offered.callee());
        assertEquals("500", offered.tags().get("localentrypoint"));
    }

    @Test
    void forwardedCallsOnAnUnknownLineFallBackToTheCalledParty() {
        phone.toPhone(SkinnyMessages.callInfo(2, CALL, 3, "321", "RIX Meeting Room", "307", "Ervins Gailiss", "500"));

        CallOffered offered = assertInstanceOf(CallOffered.class, single());
        assertEquals(CALLEE, offered.callee());
        assertEquals("500", offered.tags().get("localentrypoint"));
    }

    @Test
    void unknownCallTypesLeaveTheDirectionToTheTracker() {
        phone.toPhone(SkinnyMessages.callInfo(1, CALL, 0, "321", "", "307", "", ""));

        assertEquals(Direction.UNKNOWN, assertInstanceOf(CallOffered.class, single()).direction());
    }

    @Test
    void reportsRepeatedCallInfoOnceAndChangesAgain() {
        byte[] info = SkinnyMessages.callInfoV2(V20, 1, CALL, 1, "321", "RIX Meeting Room", "307", "Ervins Gailiss",
                "307");
        phone.toPhone(info);
        phone.toPhone(info, info);
        phone.toPhone(SkinnyMessages.callInfoV2(V20, 1, CALL, 1, "399", "Transferred", "307", "Ervins Gailiss",
                "307"));

        List<CallOffered> offers = sink.events(CallOffered.class);
        assertEquals(2, offers.size());
        assertEquals(new Party("399", "Transferred"), offers.get(1).caller());
    }

    @Test
    void reportsTheLocalNameAsPartyWhenConfigured() {
        SkinnyDecoder byName = PhoneLink.decoder(2000, true, false);
        PhoneLink link = new PhoneLink(byName, sink, PHONE, 51532);

        link.toPhone(SkinnyMessages.callInfo(1, CALL, 1, "321", "RIX Meeting Room", "307", "Ervins Gailiss", ""));
        link.toPhone(SkinnyMessages.callInfo(1, CALL + 1, 2, "307", "Ervins Gailiss", "321", "RIX Meeting Room", ""));

        List<CallOffered> offers = sink.events(CallOffered.class);
        assertEquals(new Party("Ervins Gailiss", "Ervins Gailiss"), offers.get(0).callee());
        assertEquals(CALLER, offers.get(0).caller());
        assertEquals(new Party("Ervins Gailiss", "Ervins Gailiss"), offers.get(1).caller());
    }

    @Test
    void announcesTheReceiveAddressOfAnOldPhoneThroughItsPassThroughPartyId() {
        offerInbound();
        phone.toPhone(SkinnyMessages.openReceiveChannelOld(CALL, 0x50, G711_ULAW));
        phone.fromPhone(SkinnyMessages.openReceiveChannelAckOld(PHONE, 17718, 0x50));

        MediaAnnounced media = assertInstanceOf(MediaAnnounced.class, single());
        assertEquals(CALL_ID, media.callId());
        assertEquals(new InetSocketAddress(PHONE, 51532), media.announcer());
        assertEquals(List.of(new MediaDescription(new InetSocketAddress(PHONE, 17718), Map.of(0, "PCMU"),
                MediaMode.SENDRECV)), media.media());
    }

    @Test
    void announcesTheReceiveAddressOfANewerPhoneByItsCallReference() {
        offerInbound();
        phone.fromPhone(SkinnyMessages.openReceiveChannelAck(PHONE, 17718, 0x50, CALL));

        MediaAnnounced media = assertInstanceOf(MediaAnnounced.class, single());
        assertEquals(CALL_ID, media.callId());
        assertEquals(new InetSocketAddress(PHONE, 17718), media.media().get(0).address());
        assertEquals(Map.of(), media.media().get(0).payloadTypes(), "no OpenReceiveChannel, no codec");
    }

    @Test
    void borrowsTheCodecOfTheCallsOtherStreamForAnAckWithoutChannel() {
        offerInbound();
        phone.toPhone(SkinnyMessages.startMediaTransmission(CALL, 0x50, OTHER_PHONE, 32144, G711_ALAW, CALL));
        phone.fromPhone(SkinnyMessages.openReceiveChannelAck(PHONE, 17718, 0x51, CALL));

        List<MediaAnnounced> media = sink.events(MediaAnnounced.class);
        assertEquals(Map.of(8, "PCMA"), media.get(1).media().get(0).payloadTypes());
    }

    @Test
    void takesAPhonesOnlyCallForAnAckThatNamesNoKnownChannel() {
        offerInbound();
        phone.fromPhone(SkinnyMessages.openReceiveChannelAckOld(PHONE, 17718, 0x77));

        assertEquals(CALL_ID, assertInstanceOf(MediaAnnounced.class, single()).callId());
    }

    @Test
    void usesTheSignallingAddressWhenThePhoneLeavesItsAddressOut() {
        offerInbound();
        phone.fromPhone(SkinnyMessages.openReceiveChannelAck("0.0.0.0", 17718, 0x50, CALL));

        assertEquals(new InetSocketAddress(PHONE, 17718),
                assertInstanceOf(MediaAnnounced.class, single()).media().get(0).address());
    }

    @Test
    void ignoresFailedAcksAndStreamsItCannotPlace() {
        phone.toPhone(SkinnyMessages.callState(1, 1, CALL), SkinnyMessages.callState(1, 2, CALL + 1));
        byte[] failed = SkinnyMessages.openReceiveChannelAckOld(PHONE, 17718, 0x50);
        failed[12] = 1;

        phone.fromPhone(failed, SkinnyMessages.openReceiveChannelAckOld(PHONE, 17718, 0x51));

        assertTrue(sink.events().isEmpty());
        assertEquals(1, decoder.statistics().unattributedStreams.get());
    }

    @Test
    void announcesWhereThePhoneSendsItsVoice() {
        offerInbound();
        phone.toPhone(SkinnyMessages.startMediaTransmission(CALL, 0x50, OTHER_PHONE, 32144, G729, CALL),
                SkinnyMessages.startMediaTransmissionOld(CALL, 0x52, OTHER_PHONE, 32146, G711_ALAW));

        List<MediaAnnounced> media = sink.events(MediaAnnounced.class);
        assertEquals(2, media.size());
        assertEquals(new InetSocketAddress(PhoneLink.CALL_MANAGER, 2000), media.get(0).announcer());
        assertEquals(new MediaDescription(new InetSocketAddress(OTHER_PHONE, 32144), Map.of(18, "G729"),
                MediaMode.SENDRECV), media.get(0).media().get(0));
        assertEquals(new MediaDescription(new InetSocketAddress(OTHER_PHONE, 32146), Map.of(8, "PCMA"),
                MediaMode.SENDRECV), media.get(1).media().get(0));
    }

    @Test
    void leavesCallManagerRecordingForksOutOfTheCall() {
        offerInbound();
        // The built-in bridge copies the phone's voice to a recorder under a call of its own (19805775).
        phone.toPhone(SkinnyMessages.startMediaTransmission(CALL, 0x51, "192.168.193.24", 9399, G711_ULAW,
                19805775));

        assertTrue(sink.events().isEmpty());
        assertEquals(1, decoder.statistics().recordingForks.get());
    }

    @Test
    void offersACallFirstSeenThroughItsMediaAndUpdatesItWhenCallInfoArrivesLate() {
        phone.toPhone(SkinnyMessages.startMediaTransmission(CALL, 0x50, OTHER_PHONE, 32144, G711_ULAW, CALL));
        phone.fromPhone(SkinnyMessages.openReceiveChannelAck(PHONE, 17718, 0x50, CALL));
        phone.toPhone(SkinnyMessages.callInfoV2(V20, 1, CALL, 1, "321", "RIX Meeting Room", "307",
                "Ervins Gailiss", "307"));

        List<CallEvent> events = sink.events();
        assertEquals(4, events.size());
        CallOffered provisional = assertInstanceOf(CallOffered.class, events.get(0));
        assertEquals(CALL_ID, provisional.callId());
        assertEquals(Party.UNKNOWN, provisional.caller());
        assertEquals(Party.UNKNOWN, provisional.callee());
        assertEquals(Direction.UNKNOWN, provisional.direction());
        assertEquals(PHONE, provisional.tags().get("localip"));
        assertInstanceOf(MediaAnnounced.class, events.get(1));
        assertInstanceOf(MediaAnnounced.class, events.get(2));
        CallOffered late = assertInstanceOf(CallOffered.class, events.get(3));
        assertEquals(CALLEE, late.callee());
        assertEquals(Direction.IN, late.direction());
    }

    @Test
    void holdAndResumeReannounceTheStreams() {
        offerInbound();
        phone.toPhone(SkinnyMessages.startMediaTransmission(CALL, 0x50, OTHER_PHONE, 32144, G711_ULAW, CALL));
        phone.fromPhone(SkinnyMessages.openReceiveChannelAck(PHONE, 17718, 0x50, CALL));
        sink.drain();

        phone.toPhone(SkinnyMessages.callState(8, 1, CALL));
        phone.toPhone(SkinnyMessages.callState(8, 1, CALL));
        phone.toPhone(SkinnyMessages.callState(5, 1, CALL));
        phone.toPhone(SkinnyMessages.callState(5, 1, CALL));

        List<MediaAnnounced> media = sink.events(MediaAnnounced.class);
        assertEquals(2, media.size(), "one hold, one resume");
        assertEquals(List.of(MediaMode.INACTIVE, MediaMode.INACTIVE), modes(media.get(0)));
        assertEquals(List.of(MediaMode.SENDRECV, MediaMode.SENDRECV), modes(media.get(1)));
        assertEquals(2, sink.events().size());
    }

    @Test
    void streamsOpenedDuringHoldAreInactiveUntilTheResume() {
        offerInbound();
        phone.toPhone(SkinnyMessages.callState(8, 1, CALL));
        phone.toPhone(SkinnyMessages.startMediaTransmission(CALL, 0x50, OTHER_PHONE, 32144, G711_ULAW, CALL));
        phone.toPhone(SkinnyMessages.callState(5, 1, CALL));

        List<MediaAnnounced> media = sink.events(MediaAnnounced.class);
        assertEquals(MediaMode.INACTIVE, media.get(0).media().get(0).mode());
        assertEquals(MediaMode.SENDRECV, media.get(1).media().get(0).mode());
    }

    @Test
    void ignoresHoldWhenConfiguredAndPicksUpAConfigurationChangeLive() {
        decoder.modified(PhoneLink.config(2000, false, true));
        offerInbound();
        phone.toPhone(SkinnyMessages.startMediaTransmission(CALL, 0x50, OTHER_PHONE, 32144, G711_ULAW, CALL));
        sink.drain();

        phone.toPhone(SkinnyMessages.callState(8, 1, CALL), SkinnyMessages.callState(5, 1, CALL));
        assertTrue(sink.events().isEmpty());

        decoder.modified(PhoneLink.config(2000, false, false));
        phone.toPhone(SkinnyMessages.callState(8, 1, CALL));
        assertEquals(MediaMode.INACTIVE, assertInstanceOf(MediaAnnounced.class, single()).media().get(0).mode());
    }

    @Test
    void onHookEndsTheCallOnceAndForAll() {
        offerInbound();
        phone.toPhone(SkinnyMessages.callState(2, 1, CALL));
        phone.toPhone(SkinnyMessages.callState(2, 1, CALL), SkinnyMessages.callInfo(1, CALL, 1, "321", "", "307", "",
                ""));

        CallEnded ended = assertInstanceOf(CallEnded.class, single());
        assertEquals(CALL_ID, ended.callId());
    }

    @Test
    void endCallSoftKeyEndsTheCallBeforeTheCallManagerConfirms() {
        offerInbound();
        phone.fromPhone(SkinnyMessages.softKeyEvent(9, 1, CALL));
        phone.toPhone(SkinnyMessages.callState(2, 1, CALL));

        assertEquals(CALL_ID, assertInstanceOf(CallEnded.class, single()).callId());
    }

    @Test
    void saysNothingAboutCallsTheTrackerNeverHeardOf() {
        phone.toPhone(SkinnyMessages.callState(1, 1, CALL), SkinnyMessages.callState(8, 1, CALL),
                SkinnyMessages.callState(2, 1, CALL), SkinnyMessages.softKeyEvent(3, 1, CALL));

        assertTrue(sink.events().isEmpty());
    }

    @Test
    void forgetsAChannelWhenItIsClosed() {
        offerInbound();
        phone.toPhone(SkinnyMessages.callState(1, 2, CALL + 1));
        phone.toPhone(SkinnyMessages.openReceiveChannelOld(CALL, 0x50, G711_ULAW));
        phone.toPhone(SkinnyMessages.closeReceiveChannel(CALL, 0x50, CALL),
                SkinnyMessages.stopMediaTransmission(CALL, 0x50, CALL));
        phone.fromPhone(SkinnyMessages.openReceiveChannelAckOld(PHONE, 17718, 0x50));

        assertTrue(sink.events().isEmpty(), "two calls and no channel: the ack cannot be placed");
    }

    @Test
    void givesEachPhoneItsOwnCallWithItselfAsLocalParty() {
        PhoneLink caller = new PhoneLink(decoder, sink, OTHER_PHONE, 49399);
        caller.toPhone(SkinnyMessages.callInfoV2(V20, 1, CALL - 1, 2, "321", "RIX Meeting Room", "307",
                "Ervins Gailiss", "307"));
        phone.toPhone(SkinnyMessages.callInfoV2(V20, 1, CALL, 1, "321", "RIX Meeting Room", "307", "Ervins Gailiss",
                "307"));

        List<CallOffered> offers = sink.events(CallOffered.class);
        assertEquals("skinny-" + OTHER_PHONE + "-" + (CALL - 1), offers.get(0).callId());
        assertEquals(Direction.OUT, offers.get(0).direction());
        assertEquals(OTHER_PHONE, offers.get(0).tags().get("localip"));
        assertEquals(CALL_ID, offers.get(1).callId());
        assertEquals(Direction.IN, offers.get(1).direction());
        assertEquals(PHONE, offers.get(1).tags().get("localip"));
    }

    @Test
    void followsTheConfiguredPort() {
        decoder.modified(PhoneLink.config(2443, false, false));
        PhoneLink moved = new PhoneLink(decoder, sink, PHONE, 51532, 2443);

        assertFalse(phone.toPhone(SkinnyMessages.callInfo(1, CALL, 1, "321", "", "307", "", "")));
        assertTrue(moved.toPhone(SkinnyMessages.callInfo(1, CALL, 1, "321", "", "307", "", "")));
        assertEquals(1, sink.events(CallOffered.class).size());
    }

    @Test
    void countsMalformedMessages() {
        byte[] shortState = new SccpWriter().word(5)
                .message(SccpMessageParser.CALL_STATE, V20);
        phone.toPhone(shortState, SkinnyMessages.callInfo(1, 0, 1, "321", "", "307", "", ""));

        assertTrue(sink.events().isEmpty());
        assertEquals(2, decoder.statistics().malformedMessages.get());
    }

    private void offerInbound() {
        phone.toPhone(SkinnyMessages.callInfoV2(V20, 1, CALL, 1, "321", "RIX Meeting Room", "307", "Ervins Gailiss",
                "307"));
        sink.drain();
    }

    private CallEvent single() {
        List<CallEvent> events = sink.events();
        assertEquals(1, events.size(), events::toString);
        return events.get(0);
    }

    private static List<MediaMode> modes(MediaAnnounced announced) {
        return announced.media().stream().map(MediaDescription::mode).toList();
    }
}
