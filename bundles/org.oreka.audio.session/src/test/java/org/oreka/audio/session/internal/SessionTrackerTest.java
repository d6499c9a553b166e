package org.oreka.audio.session.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oreka.audio.session.internal.TrackerFixture.T0;
import static org.oreka.audio.session.internal.TrackerFixture.invite;
import static org.oreka.audio.session.internal.TrackerFixture.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oreka.sdk.call.CallEvent;
import org.oreka.sdk.call.MediaDescription;
import org.oreka.sdk.call.MediaMode;
import org.oreka.sdk.call.Party;
import org.oreka.sdk.tape.TapeDTO;

class SessionTrackerTest {

    @TempDir
    Path root;

    @Test
    void aSipCallBecomesOneRecordingWithBothSidesFromItsFirstPacket() throws Exception {
        TrackerFixture f = new TrackerFixture(root);
        f.event(invite("call-1", "alice", "bob", "10.0.0.1:5060", "10.0.0.2:5060", T0, media("10.0.0.1:10000", MediaMode.SENDRECV)));
        f.event(new CallEvent.MediaAnnounced("call-1", T0 + 1000, TrackerFixture.socket("10.0.0.2:5060"),
                List.of(media("10.0.0.2:20000", MediaMode.SENDRECV))));
        for (int i = 0; i < 100; i++) {
            f.rtp("10.0.0.1:10000", "10.0.0.2:20000", 0, i, 160 * i, 1, T0 + 100_000 + 20_000L * i, 160);
            f.rtp("10.0.0.2:20000", "10.0.0.1:10000", 0, 500 + i, 8000 + 160 * i, 2, T0 + 105_000 + 20_000L * i, 160);
        }
        f.bye("call-1", T0 + 2_200_000);

        assertEquals(1, f.started.size());
        TapeDTO tape = f.stopped.get(0);
        assertEquals("alice", tape.localParty);
        assertEquals("bob", tape.remoteParty);
        assertEquals("out", tape.direction);
        assertEquals("10.0.0.1", tape.localIp);
        assertEquals("10.0.0.2", tape.remoteIp);
        assertEquals("call-1", tape.nativeCallId);
        assertEquals("side1", tape.localSide);
        assertEquals(20231114_221320L, Long.parseLong(tape.orkuid.substring(0, 15).replace("_", "")), "orkuid from packet time");
        assertEquals("2023/11/14/22/" + tape.orkuid + ".mcf", tape.file);
        assertEquals(2005, tape.durationMillis, "first packet to the end of the last one");
        List<String> records = f.journal(tape);
        assertEquals(200, records.size());
        assertEquals("1:0", records.get(0), "the first packet of each side is kept");
        assertEquals("2:500", records.get(1));
        assertEquals(100, f.summaries.get(0).side1Packets);
        assertEquals(100, f.summaries.get(0).side2Packets);
        assertFalse(Files.exists(f.state.resolve(tape.orkuid + ".tape")), "the in-progress state is released");
    }

    @Test
    void rtpWithoutSignallingStartsAfterFiftyPacketsAndKeepsThemAll() throws Exception {
        TrackerFixture f = new TrackerFixture(root);
        for (int i = 0; i < 49; i++) {
            f.rtp("10.1.3.143:5000", "10.1.6.18:2006", 8, i, 240 * i, 9, T0 + 30_000L * i, 240);
        }
        assertTrue(f.started.isEmpty());
        f.rtp("10.1.3.143:5000", "10.1.6.18:2006", 8, 49, 240 * 49, 9, T0 + 30_000L * 49, 240);
        assertEquals(1, f.started.size());
        TapeDTO started = f.started.get(0);
        assertEquals("10.1.3.143", started.localParty, "the source on the LAN is local");
        assertEquals("10.1.6.18", started.remoteParty);
        assertEquals("unkn", started.direction);
        assertEquals("", started.nativeCallId);
        f.tracker.endOfCapture("test.pcap", T0 + 2_000_000);
        assertEquals(50, f.journal(f.stopped.get(0)).size());
    }

    @Test
    void aShortBurstWithoutSignallingLeavesNoRecording() throws Exception {
        TrackerFixture f = new TrackerFixture(root);
        for (int i = 0; i < 29; i++) {
            f.rtp("10.0.0.5:6000", "10.0.0.6:7000", 0, i, 160 * i, 9, T0 + 20_000L * i, 160);
        }
        f.tracker.hoover(T0 + 60_000_000);
        assertTrue(f.started.isEmpty());
        assertTrue(f.stopped.isEmpty());
        assertTrue(f.tracker.sessions().isEmpty());
    }

    @Test
    void rtpThatArrivesBeforeItsInviteJoinsTheCall() throws Exception {
        TrackerFixture f = new TrackerFixture(root);
        for (int i = 0; i < 5; i++) {
            f.rtp("10.0.0.2:20000", "10.0.0.1:10000", 0, i, 160 * i, 2, T0 + 20_000L * i, 160);
        }
        f.event(invite("early", "alice", "bob", "10.0.0.1:5060", "10.0.0.2:5060", T0 + 110_000,
                media("10.0.0.1:10000", MediaMode.SENDRECV)));
        for (int i = 5; i < 10; i++) {
            f.rtp("10.0.0.2:20000", "10.0.0.1:10000", 0, i, 160 * i, 2, T0 + 20_000L * i, 160);
        }
        f.bye("early", T0 + 300_000);
        assertEquals(1, f.stopped.size());
        assertEquals("alice", f.stopped.get(0).localParty);
        assertEquals(10, f.journal(f.stopped.get(0)).size());
    }

    @Test
    void aFailedCallWithoutMediaLeavesNoRecording() throws Exception {
        TrackerFixture f = new TrackerFixture(root);
        f.event(invite("declined", "2502", "2504", "192.168.105.172:5060", "192.168.105.110:5060", T0,
                media("192.168.105.172:4376", MediaMode.SENDRECV)));
        f.event(new CallEvent.CallFailed("declined", T0 + 1000, 603, "Decline"));
        assertTrue(f.started.isEmpty());
        assertTrue(f.tracker.sessions().isEmpty());
    }

    @Test
    void dtmfEventsBecomeDigitTagsOnceEach() throws Exception {
        TrackerFixture f = new TrackerFixture(root);
        f.event(invite("dtmf", "alice", "bob", "10.0.0.1:5060", "10.0.0.2:5060", T0,
                new MediaDescription(TrackerFixture.socket("10.0.0.1:10000"), Map.of(0, "PCMU", 101, "telephone-event"),
                        MediaMode.SENDRECV)));
        for (int i = 0; i < 10; i++) {
            f.rtp("10.0.0.1:10000", "10.0.0.2:20000", 0, i, 160 * i, 1, T0 + 20_000L * i, 160);
        }
        // digit 5 starting 200 ms in: three packets and three end retransmissions
        for (int i = 0; i < 6; i++) {
            f.dtmf("10.0.0.1:10000", "10.0.0.2:20000", 101, 5, i >= 3, 10 + i, 1600, T0 + 200_000 + 20_000L * i);
        }
        f.dtmf("10.0.0.1:10000", "10.0.0.2:20000", 101, 11, true, 20, 4000, T0 + 500_000);
        assertEquals(2, f.tags.size());
        assertEquals("5", f.tags.get(0).text);
        assertEquals("dtmfdigit", f.tags.get(0).type);
        assertEquals(200, f.tags.get(0).offsetMillis);
        assertEquals("#", f.tags.get(1).text);
        f.bye("dtmf", T0 + 600_000);
        assertEquals(10, f.journal(f.stopped.get(0)).size(), "event packets are not audio");
    }

    @Test
    void holdAndResumeOnANewPortStayOneRecording() throws Exception {
        TrackerFixture f = new TrackerFixture(root);
        f.event(invite("hold", "alice", "bob", "10.0.0.1:5060", "10.0.0.2:5060", T0, media("10.0.0.1:20000", MediaMode.SENDRECV)));
        f.event(new CallEvent.MediaAnnounced("hold", T0, TrackerFixture.socket("10.0.0.2:5060"), List.of(media("10.0.0.2:30000", MediaMode.SENDRECV))));
        for (int i = 0; i < 50; i++) {
            f.rtp("10.0.0.1:20000", "10.0.0.2:30000", 0, i, 160 * i, 1, T0 + 20_000L * i, 160);
            f.rtp("10.0.0.2:30000", "10.0.0.1:20000", 0, i, 160 * i, 2, T0 + 20_000L * i, 160);
        }
        f.event(invite("hold", "alice", "bob", "10.0.0.1:5060", "10.0.0.2:5060", T0 + 1_000_000, media("10.0.0.1:20000", MediaMode.SENDONLY)));
        assertTrue(f.tracker.sessions().get(0).onHold);
        f.tracker.hoover(T0 + 30_000_000);
        assertTrue(f.stopped.isEmpty(), "a held call outlives the normal 10 s timeout");
        f.event(invite("hold", "alice", "bob", "10.0.0.1:5060", "10.0.0.2:5060", T0 + 31_000_000, media("10.0.0.1:20002", MediaMode.SENDRECV)));
        for (int i = 0; i < 50; i++) {
            f.rtp("10.0.0.1:20002", "10.0.0.2:30000", 0, 100 + i, 99_000 + 160 * i, 1, T0 + 31_100_000 + 20_000L * i, 160);
            f.rtp("10.0.0.2:30000", "10.0.0.1:20002", 0, 100 + i, 99_000 + 160 * i, 2, T0 + 31_100_000 + 20_000L * i, 160);
        }
        f.bye("hold", T0 + 33_000_000);
        assertEquals(1, f.stopped.size());
        assertEquals(100, f.summaries.get(0).side1Packets, "alice's new port is still side 1");
        assertEquals(100, f.summaries.get(0).side2Packets);
        assertEquals(List.of(true, false), f.holds, "put on hold, then taken off hold, once each");
    }

    @Test
    void siprecStreamsAreSidesByLabelWithPartiesFromTheMetadata() throws Exception {
        TrackerFixture f = new TrackerFixture(root);
        f.event(new CallEvent.CallOffered("siprec-1", T0, Party.of("src"), Party.of("srs"), Party.of("srs"),
                org.oreka.sdk.call.Direction.UNKNOWN, TrackerFixture.socket("192.0.2.10:5060"), TrackerFixture.socket("192.0.2.20:5060"),
                List.of(new MediaDescription(TrackerFixture.socket("192.0.2.10:40000"), Map.of(0, "PCMU"), MediaMode.SENDONLY, "1", Party.of("alice")),
                        new MediaDescription(TrackerFixture.socket("192.0.2.10:40002"), Map.of(0, "PCMU"), MediaMode.SENDONLY, "2", Party.of("bob"))),
                "", Map.of()));
        f.event(new CallEvent.MediaAnnounced("siprec-1", T0, TrackerFixture.socket("192.0.2.20:5060"),
                List.of(new MediaDescription(TrackerFixture.socket("192.0.2.20:50000"), Map.of(0, "PCMU"), MediaMode.RECVONLY, "1", Party.UNKNOWN),
                        new MediaDescription(TrackerFixture.socket("192.0.2.20:50002"), Map.of(0, "PCMU"), MediaMode.RECVONLY, "2", Party.UNKNOWN))));
        for (int i = 0; i < 20; i++) {
            f.rtp("192.0.2.10:40002", "192.0.2.20:50002", 0, i, 160 * i, 22, T0 + 20_000L * i, 160);
            f.rtp("192.0.2.10:40000", "192.0.2.20:50000", 0, i, 160 * i, 11, T0 + 20_000L * i, 160);
        }
        f.bye("siprec-1", T0 + 1_000_000);
        assertEquals(1, f.stopped.size(), "both streams are one recording");
        assertEquals("alice", f.stopped.get(0).localParty);
        assertEquals("bob", f.stopped.get(0).remoteParty);
        assertEquals(List.of("2:0", "1:0"), f.journal(f.stopped.get(0)).subList(0, 2), "label 1 is side 1 though label 2 came first");
    }

    @Test
    void signalledCallsTimeOutOnTheCaptureClock() throws Exception {
        TrackerFixture f = new TrackerFixture(root);
        f.event(invite("quiet", "alice", "bob", "10.0.0.1:5060", "10.0.0.2:5060", T0, media("10.0.0.1:10000", MediaMode.SENDRECV)));
        for (int i = 0; i < 10; i++) {
            f.rtp("10.0.0.1:10000", "10.0.0.2:20000", 0, i, 160 * i, 1, T0 + 20_000L * i, 160);
        }
        f.tracker.hoover(T0 + 5_000_000);
        assertTrue(f.stopped.isEmpty());
        // a packet of an unrelated stream 11 s later moves the capture clock on
        f.rtp("10.9.9.9:4000", "10.9.9.8:4002", 0, 1, 1, 5, T0 + 11_000_000, 160);
        assertEquals(1, f.stopped.size());
        assertEquals(200, f.stopped.get(0).durationMillis);
    }

    @Test
    void theRequestUriRuleAndPbxAddressesDecideDirection() throws Exception {
        PartyRules pbx = new PartyRules("10.0.0.254", "", "Asterisk", true, "10.255.255.255", "");
        CallParties incoming = pbx.signalled(invite("c", "5551234", "1001", "10.0.0.254:5060", "10.0.0.7:5060", T0), "");
        assertEquals("in", incoming.direction().wireName());
        assertEquals("1001", incoming.localParty());
        assertEquals("5551234", incoming.remoteParty());
        assertEquals("10.0.0.7", incoming.localIp());

        PartyRules plain = new PartyRules("", "", "Asterisk", true, "10.255.255.255", "");
        CallEvent.CallOffered forwarded = new CallEvent.CallOffered("f", T0, Party.of("5551234"), Party.of("5550100"), Party.of("1001"),
                org.oreka.sdk.call.Direction.UNKNOWN, TrackerFixture.socket("10.0.0.254:5060"), TrackerFixture.socket("10.0.0.7:5060"),
                List.of(), "", Map.of());
        CallParties viaDid = plain.signalled(forwarded, "");
        assertEquals("1001", viaDid.localParty());
        assertEquals("5550100", viaDid.localEntryPoint());
        assertEquals("in", viaDid.direction().wireName());

        CallParties outgoing = plain.signalled(invite("o", "", "9055551212", "192.168.0.10:5060", "216.234.64.16:5060", T0), "");
        assertEquals("out", outgoing.direction().wireName());
        assertEquals("192.168.0.10", outgoing.localParty(), "an empty From user reports the local IP");
    }

    @Test
    void legsOfAProtocolThatSharesMediaAreEachRecordedWithBothVoices() throws Exception {
        TrackerFixture f = new TrackerFixture(root);
        f.tracker.bind(null, "Skinny", 0, true);
        for (String phone : new String[] {"192.168.195.50", "192.168.195.58"}) {
            boolean caller = phone.endsWith(".58");
            f.tracker.onCallEvent("Skinny", new CallEvent.CallOffered("skinny-" + phone + "-1", T0, Party.of("321"), Party.of("307"),
                    Party.UNKNOWN, caller ? org.oreka.sdk.call.Direction.OUT : org.oreka.sdk.call.Direction.IN,
                    TrackerFixture.socket("192.168.193.12:2000"), TrackerFixture.socket(phone + ":51532"), List.of(), "",
                    Map.of("localip", phone)));
            f.tracker.onCallEvent("Skinny", new CallEvent.MediaAnnounced("skinny-" + phone + "-1", T0, TrackerFixture.socket(phone + ":51532"),
                    List.of(media("192.168.195.50:17718", MediaMode.SENDRECV), media("192.168.195.58:32144", MediaMode.SENDRECV))));
        }
        for (int i = 0; i < 30; i++) {
            f.rtp("192.168.195.50:17718", "192.168.195.58:32144", 0, i, 160 * i, 50, T0 + 20_000L * i, 160);
            f.rtp("192.168.195.58:32144", "192.168.195.50:17718", 0, i, 160 * i, 58, T0 + 20_000L * i, 160);
        }
        f.tracker.stopAll();
        assertEquals(2, f.stopped.size(), "one recording per phone");
        for (int i = 0; i < 2; i++) {
            assertEquals(30, f.summaries.get(i).side1Packets);
            assertEquals(30, f.summaries.get(i).side2Packets);
        }
        TapeDTO of50 = f.stopped.stream().filter(t -> t.localIp.equals("192.168.195.50")).findFirst().orElseThrow();
        assertEquals("307", of50.localParty, ".50 is the callee of an incoming call");
        assertEquals("in", of50.direction);
        assertEquals("side1", of50.localSide);
        TapeDTO of58 = f.stopped.stream().filter(t -> t.localIp.equals("192.168.195.58")).findFirst().orElseThrow();
        assertEquals("321", of58.localParty);
        assertEquals("side2", of58.localSide);
    }

    @Test
    void aLateFailureAfterTheAnswerDoesNotEndTheCall() throws Exception {
        TrackerFixture f = new TrackerFixture(root);
        f.event(invite("answered", "35104723", "35104724", "192.168.1.2:5060", "212.242.33.35:5060", T0, media("192.168.1.2:30000", MediaMode.SENDRECV)));
        f.event(new CallEvent.MediaAnnounced("answered", T0 + 400_000, TrackerFixture.socket("212.242.33.35:5060"),
                List.of(media("212.242.33.36:40392", MediaMode.SENDRECV))));
        f.event(new CallEvent.CallFailed("answered", T0 + 450_000, 480, "Temporarily Unavailable"));
        for (int i = 0; i < 9; i++) {
            f.rtp("192.168.1.2:30000", "212.242.33.36:40392", 0, i, 160 * i, 1, T0 + 1_000_000 + 20_000L * i, 160);
        }
        f.tracker.stopAll();
        assertEquals(1, f.stopped.size());
        assertEquals(9, f.summaries.get(0).side1Packets);
    }

    @Test
    void rtpInFlightWhenTheByeIsSentIsStillRecorded() throws Exception {
        TrackerFixture f = new TrackerFixture(root);
        f.event(invite("bye", "alice", "bob", "10.0.0.1:5060", "10.0.0.2:5060", T0, media("10.0.0.1:10000", MediaMode.SENDRECV)));
        for (int i = 0; i < 10; i++) {
            f.rtp("10.0.0.1:10000", "10.0.0.2:20000", 0, i, 160 * i, 1, T0 + 20_000L * i, 160);
        }
        f.event(new CallEvent.CallEnded("bye", T0 + 150_000));
        f.rtp("10.0.0.1:10000", "10.0.0.2:20000", 0, 10, 1600, 1, T0 + 200_000, 160);
        f.tracker.hoover(T0 + 2_000_000);
        assertEquals(1, f.stopped.size());
        assertEquals(11, f.summaries.get(0).side1Packets);
    }
}
