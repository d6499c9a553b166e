package org.oreka.track.command.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oreka.protocol.CommandRequest;
import org.oreka.track.storage.Direction;
import org.oreka.track.storage.LiveCall;
import org.oreka.track.storage.LiveDecision;
import org.oreka.track.storage.Recorder;
import org.oreka.track.storage.TagEntry;
import org.oreka.track.storage.TapeMessage;
import org.oreka.track.storage.TapeStage;
import org.oreka.track.storage.TrackException;
import org.oreka.track.storage.UserLiveStatus;
import org.oreka.track.storage.UserUpdate;

class CommandParsingTest {

    private static CommandRequest request(String query) {
        return CommandRequest.parse(query, InetAddress.getLoopbackAddress(), "cmd", "type", "class");
    }

    @Test
    void aTapeMessageIsReadFromOrekasWireFormat() {
        TapeMessage m = TapeCommand.parse(request("type=tape&recid=20240101_101500_ABCD&stage=ready&captureport=ABCD"
                + "&timestamp=1704104100&filename=2024%2F01%2F01%2F10%2F20240101_101500_ABCD.wav&localparty=1001"
                + "&localentrypoint=&remoteparty=5551234&direction=in&duration=35&service=orkaudio-rec1&localip=10.0.0.5"
                + "&remoteip=10.0.0.1&nativecallid=abc%40pbx&tags=X-Unique-ID%3A1704104099.12&ondemand=false&side=both"
                + "&live=true&hostname=rec1&"));
        assertEquals(TapeStage.READY, m.stage());
        assertEquals(Instant.ofEpochSecond(1704104100), m.timestamp());
        assertEquals("2024/01/01/10/20240101_101500_ABCD.wav", m.filename());
        assertEquals(Direction.IN, m.direction());
        assertEquals(35, m.durationSeconds());
        assertEquals("abc@pbx", m.nativeCallId());
        assertEquals(List.of(new TagEntry("X-Unique-ID", "1704104099.12", null)), m.tags());
        assertEquals('A', m.mediaType());
    }

    @Test
    void aScreenTapeNamesItsCallByOrkuid() {
        TapeMessage screen = TapeCommand.parse(request("type=tape&recid=200_S20240101101500&stage=start&timestamp=1704104100"
                + "&mediatype=S&orkuid=200&loginstring=5001&filename=2024%2F01%2F01%2F10%2F200_S20240101101500.webm"));
        assertTrue(screen.isScreen());
        assertEquals("200", screen.callOrkuid());
        TapeMessage audio = TapeCommand.parse(request("type=tape&recid=200&stage=start&timestamp=1704104100&orkuid=100"));
        assertEquals('A', audio.mediaType());
        assertEquals(null, audio.callOrkuid());
    }

    @Test
    void badTapeMessagesAreRefusedNamingTheProblem() {
        assertEquals("stage is missing", assertThrows(TrackException.class,
                () -> TapeCommand.parse(request("type=tape&recid=x&timestamp=1"))).getMessage());
        assertTrue(assertThrows(TrackException.class, () -> TapeCommand.parse(request("type=tape&recid=x&stage=complete&timestamp=1")))
                .getMessage().startsWith("stage must be"));
        assertTrue(assertThrows(TrackException.class, () -> TapeCommand.parse(request("type=tape&recid=x&stage=start&timestamp=yesterday")))
                .getMessage().startsWith("timestamp must be"));
        assertEquals("recid (or captureport) is missing", assertThrows(TrackException.class,
                () -> TapeCommand.parse(request("type=tape&stage=start&timestamp=1"))).getMessage());
        assertTrue(TapeCommand.parse(request("type=tape&stage=start&timestamp=1704104100&captureport=KUU")).recid().endsWith("_KUU"),
                "without a recid the id is built as Oreka builds it, from the time and the capture port");
    }

    @Test
    void booleansComeInThreeForms() {
        assertTrue(Parameters.bool(request("a=yes"), "a"));
        assertFalse(Parameters.bool(request("a=0"), "a"));
        assertTrue(Parameters.bool(request("a=TRUE"), "a"));
        assertEquals(null, Parameters.bool(request("b=1"), "a"));
        assertThrows(TrackException.class, () -> Parameters.bool(request("a=maybe"), "a"));
    }

    @Test
    void liveStatusesAreFormattedAsTheSpecShowsThem() {
        LiveStatusCommand plain = new LiveStatusCommand(null, config(false));
        Recorder recorder = new Recorder(1, "orkaudio-a", "localhost", 59140, 59120, "AUDIO", null, null);
        LiveCall call = new LiveCall("20091026_000347_HRT", "orkaudio-a", "5001", "5145551234", Direction.IN, "both",
                Instant.now(), false, false, LiveDecision.NEITHER, List.of());
        assertEquals("inactive--NEITHER--68",
                plain.format(new UserLiveStatus("12", "5000", null, null, LiveDecision.NEITHER, 68, null)));
        assertEquals("localhost--59120!5001--5145551234--NEITHER--14--20091026_000347_HRT--IN--both--REC",
                plain.format(new UserLiveStatus("5001", "5001", call, recorder, LiveDecision.NEITHER, 14, null)));
        LiveStatusCommand quota = new LiveStatusCommand(null, config(true));
        LiveCall tagged = new LiveCall(call.orkuid(), call.recorder(), "5001", "5145551234", Direction.IN, "both", call.started(),
                false, false, LiveDecision.NEITHER, List.of(new TagEntry("ClientID", "12345", null),
                        new TagEntry("Comment", "rude to caller", null)));
        assertEquals("localhost--59120!5001--5145551234--NEITHER--14--20091026_000347_HRT--IN--both--REC"
                + "--ClientID-12345;Comment-rude to caller--3122",
                quota.format(new UserLiveStatus("5001", "5001", tagged, recorder, LiveDecision.NEITHER, 14, 3122L)));
        assertEquals("inactive--KEEP--86401--null",
                quota.format(new UserLiveStatus("12", "5000", null, null, LiveDecision.KEEP, 86401, null)));
    }

    @Test
    void userImportFilesHaveAHeaderAndMayQuoteAndListLoginStrings() {
        List<UserUpdate> users = UserCsv.parse("loginstring;firstname;lastname;groupname;recordable\n"
                + "5001|5002;John;Smith;Sales;yes\n\"6001\";\"Ann; the second\";Lee;;\n", false);
        assertEquals(2, users.size());
        assertEquals("5001", users.get(0).loginString());
        assertEquals(List.of("5002"), users.get(0).extraLoginStrings());
        assertTrue(users.get(0).recordable());
        assertEquals("Ann; the second", users.get(1).firstname());
        assertFalse(users.get(1).recordable(), "the request's default where the file says nothing");
        assertTrue(assertThrows(TrackException.class, () -> UserCsv.parse("firstname,lastname\nJohn,Smith\n", null))
                .getMessage().contains("loginstring column"));
        assertTrue(assertThrows(TrackException.class, () -> UserCsv.parse("loginstring,shoe size\n1,44\n", null))
                .getMessage().contains("unknown column"));
        assertTrue(assertThrows(TrackException.class, () -> UserCsv.parse("loginstring,recordable\n1,perhaps\n", null))
                .getMessage().startsWith("line 2"));
    }

    private static LiveStatusCommand.Config config(boolean quota) {
        return new LiveStatusCommand.Config() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return LiveStatusCommand.Config.class;
            }

            @Override
            public boolean UserDiskQuota() {
                return quota;
            }
        };
    }
}
