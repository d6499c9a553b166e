package org.oreka.audio.command.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oreka.audio.command.internal.fake.FakeRecordingControl;
import org.oreka.protocol.CommandRequest;
import org.oreka.protocol.CommandResponse;

class RecordingControlCommandTest {

    private final FakeRecordingControl control = new FakeRecordingControl()
            .with("20240101_101500_ABCD", "5001", "a@pbx")
            .with("", "5003", "ringing@pbx");

    private static CommandResponse run(RecordingControlCommand command, String query) {
        return command.execute(CommandRequest.parse(query, InetAddress.getLoopbackAddress(), "type"));
    }

    @Test
    void recordNamesTheRecordingItActedOn() {
        CommandResponse response = run(new RecordCommand(control), "type=record&party=5001&side=local");
        assertTrue(response.success());
        assertEquals("recordresponse", response.className());
        assertEquals("Starting capture for party 5001 side:local: orkuid:20240101_101500_ABCD", response.comment());
        assertEquals(List.of("record party 5001 local"), control.calls);
    }

    @Test
    void nothingMatchedIsAFailureThatSaysSo() {
        CommandResponse response = run(new PauseCommand(control), "type=pause&party=5002&side=both");
        assertFalse(response.success(), "Oreka answers success here; we do not");
        assertEquals("no live session for party 5002", response.comment());
        assertFalse(run(new StopCommand(control), "type=stop&orkuid=20240101_101500_XXXX").success());
    }

    @Test
    void orkuidWinsOverPartyWhichWinsOverNativeCallId() {
        new StopCommand(control).execute(CommandRequest.parse("type=stop&nativecallid=a@pbx&party=5001&orkuid=X",
                InetAddress.getLoopbackAddress(), "type"));
        run(new ResumeCommand(control), "type=resume&nativecallid=a%40pbx&party=5001");
        run(new PauseCommand(control), "type=pause&nativecallid=a%40pbx&party=");
        assertEquals(List.of("stop orkuid X", "resume party 5001", "pause nativecallid a@pbx"), control.calls);
    }

    @Test
    void aCallNotRecordingYetIsNamedByItsCallId() {
        CommandResponse response = run(new PauseCommand(control), "type=pause&nativecallid=ringing@pbx");
        assertEquals("Pausing capture for nativecallid ringing@pbx: nativecallid:ringing@pbx (not recording yet)",
                response.comment());
    }

    @Test
    void missingOrInvalidParametersAreRefusedBeforeAnythingHappens() {
        CommandResponse none = run(new RecordCommand(control), "type=record&side=both");
        assertFalse(none.success());
        assertEquals("record needs one of the parameters orkuid, party or nativecallid", none.comment());
        CommandResponse badSide = run(new RecordCommand(control), "type=record&party=5001&side=left");
        assertFalse(badSide.success());
        assertEquals("invalid side 'left': use both, local, remote or none", badSide.comment());
        assertFalse(run(new PauseCommand(control), "type=pause&party=5001&side=sideways").success());
        assertTrue(control.calls.isEmpty());
        assertTrue(run(new RecordCommand(control), "type=record&party=5001&side=").success(), "an empty side is both");
        assertEquals(List.of("record party 5001 both"), control.calls);
    }
}
