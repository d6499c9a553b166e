package org.oreka.audio.skinny.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oreka.audio.skinny.internal.SkinnyMessages.G711_ULAW;
import static org.oreka.audio.skinny.internal.SkinnyMessages.G729;
import static org.oreka.audio.skinny.internal.SkinnyMessages.V0;
import static org.oreka.audio.skinny.internal.SkinnyMessages.V20;

import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.oreka.audio.skinny.internal.SccpMessage.CallInfo;
import org.oreka.audio.skinny.internal.SccpMessage.CallState;
import org.oreka.audio.skinny.internal.SccpMessage.LineStat;
import org.oreka.audio.skinny.internal.SccpMessage.MediaChannelClosed;
import org.oreka.audio.skinny.internal.SccpMessage.OpenReceiveChannel;
import org.oreka.audio.skinny.internal.SccpMessage.OpenReceiveChannelAck;
import org.oreka.audio.skinny.internal.SccpMessage.SoftKeyEvent;
import org.oreka.audio.skinny.internal.SccpMessage.StartMediaTransmission;
import org.oreka.audio.skinny.internal.fake.SccpWriter;
import org.oreka.audio.skinny.internal.fake.TcpSegment;
import org.oreka.sdk.call.Party;

/** Reads every decoded message from hand-built bodies in both layouts, and from bodies cut out of ndpi-skinny.pcap. */
class SccpMessageParserTest {

    /** The CallInfoV2 body CUCM sent to 192.168.195.50 in ndpi-skinny.pcap (frame 9). */
    private static final String CAPTURED_CALL_INFO_V2 = "010000004b362e01010000000000000000000000010000000000000000"
            + "000000333231003332310033303700333037003330370000000000524958204d656574696e6720526f6f6d00457276696e"
            + "73204761696c69737300457276696e73204761696c69737300457276696e73204761696c697373000000";
    /** The StartMediaTransmission body CUCM sent to 192.168.195.50 in ndpi-skinny.pcap (frame 38). */
    private static final String CAPTURED_START_MEDIA = "4b362e015000000100000000c0a8c33a00000000000000000000000090"
            + "7d00001400000004000000b80000000000000000000000000000004b362e0100000000000000000000000000000000000000"
            + "00000000000000000000000000000000000000000000000000000000000000000000000000000000000a000000000000000"
            + "0000000";
    /** The OpenReceiveChannelAck body 192.168.195.50 sent in ndpi-skinny.pcap (frame 46). */
    private static final String CAPTURED_RECEIVE_ACK =
            "0000000000000000c0a8c33200000000000000000000000036450000500000014b362e01";

    @Test
    void readsTheFixedCallInfo() {
        CallInfo info = (CallInfo) parse(SkinnyMessages.callInfo(1, 77, 1, "321", "RIX Meeting Room", "307",
                "Ervins Gailiss", "3007"));

        assertEquals(1, info.lineInstance());
        assertEquals(77, info.callReference());
        assertEquals(1, info.callType());
        assertEquals(new Party("321", "RIX Meeting Room"), info.calling());
        assertEquals(new Party("307", "Ervins Gailiss"), info.called());
        assertEquals("3007", info.originalCalled().number());
    }

    @Test
    void readsTheCapturedCallInfoV2WithItsAlternateCallingParty() {
        CallInfo info = (CallInfo) parse(frame(SccpMessageParser.CALL_INFO_V2, V20, CAPTURED_CALL_INFO_V2));

        assertEquals(19805771, info.callReference());
        assertEquals(1, info.callType());
        assertEquals(new Party("321", "RIX Meeting Room"), info.calling());
        assertEquals(new Party("307", "Ervins Gailiss"), info.called());
        assertEquals(new Party("307", "Ervins Gailiss"), info.originalCalled());
    }

    @Test
    void readsCallInfoV2WithoutAlternateCallingPartyFromOlderHeaderVersions() {
        CallInfo info = (CallInfo) parse(SkinnyMessages.callInfoV2WithoutAlternate(11, 2, 5, 2, "1001", "Alice",
                "2002", "Bob"));

        assertEquals(2, info.lineInstance());
        assertEquals(new Party("1001", "Alice"), info.calling());
        assertEquals(new Party("2002", "Bob"), info.called());
    }

    @Test
    void readsCallInfoV2WithoutHeaderVersionInTheCucmLayout() {
        CallInfo info = (CallInfo) parse(
                SkinnyMessages.callInfoV2(V0, 1, 9, 2, "1001", "Alice", "2002", "Bob", "2002"));

        assertEquals(new Party("1001", "Alice"), info.calling());
        assertEquals(new Party("2002", "Bob"), info.called());
    }

    @Test
    void readsCallInfoV2WhoseStringsAreCutShort() {
        byte[] whole = SkinnyMessages.callInfoV2(V20, 1, 9, 2, "1001", "Alice", "2002", "Bob", "2002");
        byte[] cut = Arrays.copyOf(whole, 12 + 32 + 7);
        fixLength(cut);

        CallInfo info = (CallInfo) parse(cut);

        assertEquals("1001", info.calling().number());
        assertEquals("", info.called().number());
        assertEquals("", info.calling().name());
    }

    @Test
    void readsNamesThatAreNotUtf8AsLatin1() {
        byte[] message = SkinnyMessages.callInfo(1, 3, 1, "100", "Jos\u00e9", "200", "B", "");
        // "José" in UTF-8 is 4A 6F 73 C3 A9; rewrite it as Latin-1 (4A 6F 73 E9 00).
        message[12 + 3] = (byte) 0xE9;
        message[12 + 4] = 0;

        assertEquals("Jos\u00e9", ((CallInfo) parse(message)).calling().name());
    }

    @Test
    void readsCallStateLineStatAndSoftKeyEvent() {
        assertEquals(new CallState(8, 1, 42), parse(SkinnyMessages.callState(8, 1, 42)));
        assertEquals(new LineStat(1, "307", "Ervins Gailiss"),
                parse(SkinnyMessages.lineStat(1, "307", "Ervins Gailiss")));
        assertEquals(new SoftKeyEvent(9, 1, 42), parse(SkinnyMessages.softKeyEvent(9, 1, 42)));
    }

    @Test
    void readsOpenReceiveChannelWithAndWithoutCallReference() {
        assertEquals(new OpenReceiveChannel(12, 0x4F, G711_ULAW),
                parse(SkinnyMessages.openReceiveChannel(11, 0x4F, G711_ULAW, 12)));
        assertEquals(new OpenReceiveChannel(11, 0x4F, G729),
                parse(SkinnyMessages.openReceiveChannelOld(11, 0x4F, G729)));
    }

    @Test
    void readsBothLayoutsOfOpenReceiveChannelAck() {
        assertEquals(new OpenReceiveChannelAck(0, TcpSegment.address("10.0.0.7"), 16384, 0x50, 0),
                parse(SkinnyMessages.openReceiveChannelAckOld("10.0.0.7", 16384, 0x50)));
        assertEquals(new OpenReceiveChannelAck(0, TcpSegment.address("10.0.0.7"), 16384, 0x50, 99),
                parse(SkinnyMessages.openReceiveChannelAck("10.0.0.7", 16384, 0x50, 99)));
        assertEquals(new OpenReceiveChannelAck(0, TcpSegment.address("2001:db8::7"), 16384, 0x50, 99),
                parse(SkinnyMessages.openReceiveChannelAck("2001:db8::7", 16384, 0x50, 99)));
        assertEquals(new OpenReceiveChannelAck(0, TcpSegment.address("192.168.195.50"), 17718, 0x01000050, 19805771),
                parse(frame(SccpMessageParser.OPEN_RECEIVE_CHANNEL_ACK, V20, CAPTURED_RECEIVE_ACK)));
    }

    @Test
    void readsBothLayoutsOfStartMediaTransmission() {
        assertEquals(new StartMediaTransmission(7, 0x51, TcpSegment.address("10.0.0.9"), 20000, G729, 7),
                parse(SkinnyMessages.startMediaTransmissionOld(7, 0x51, "10.0.0.9", 20000, G729)));
        assertEquals(new StartMediaTransmission(7, 0x51, TcpSegment.address("10.0.0.9"), 20000, G729, 8),
                parse(SkinnyMessages.startMediaTransmission(7, 0x51, "10.0.0.9", 20000, G729, 8)));
        assertEquals(new StartMediaTransmission(7, 0x51, TcpSegment.address("2001:db8::9"), 20000, G729, 8),
                parse(SkinnyMessages.startMediaTransmission(7, 0x51, "2001:db8::9", 20000, G729, 8)));
        assertEquals(new StartMediaTransmission(19805771, 0x01000050, TcpSegment.address("192.168.195.58"), 32144,
                G711_ULAW, 19805771),
                parse(frame(SccpMessageParser.START_MEDIA_TRANSMISSION, V20, CAPTURED_START_MEDIA)));
    }

    @Test
    void readsStreamTeardowns() {
        assertEquals(new MediaChannelClosed(7, 0x51), parse(SkinnyMessages.stopMediaTransmission(7, 0x51, 7)));
        assertEquals(new MediaChannelClosed(7, 0x51), parse(SkinnyMessages.closeReceiveChannel(7, 0x51, 7)));
    }

    @Test
    void refusesEveryUnderstoodMessageCutBelowItsFirstFields() {
        byte[][] messages = {SkinnyMessages.callInfo(1, 3, 1, "1", "a", "2", "b", ""),
            SkinnyMessages.callInfoV2(V20, 1, 3, 1, "1", "a", "2", "b", ""), SkinnyMessages.callState(5, 1, 3),
            SkinnyMessages.lineStat(1, "1", "a"), SkinnyMessages.openReceiveChannelOld(3, 4, G729),
            SkinnyMessages.openReceiveChannelAckOld("10.0.0.1", 2, 3),
            SkinnyMessages.startMediaTransmissionOld(3, 4, "10.0.0.1", 2, G729),
            SkinnyMessages.stopMediaTransmission(3, 4, 3), SkinnyMessages.softKeyEvent(9, 1, 3)};
        int[] minimumBodies = {140, 32, 12, 28, 16, 16, 24, 8, 4};
        for (int i = 0; i < messages.length; i++) {
            byte[] cut = Arrays.copyOf(messages[i], 12 + minimumBodies[i] - 1);
            fixLength(cut);
            assertTrue(SccpMessageParser.parse(frameOf(cut)).isEmpty(), "message " + i);
        }
    }

    @Test
    void ignoresMessagesItHasNoUseFor() {
        assertTrue(SccpMessageParser.parse(new SccpFrame(0x0000, V20, new byte[0])).isEmpty());
        assertFalse(SccpMessageParser.understands(0x0000));
        assertTrue(SccpMessageParser.understands(SccpMessageParser.CALL_INFO_V2));
    }

    private static SccpMessage parse(byte[] message) {
        return SccpMessageParser.parse(frameOf(message)).orElseThrow();
    }

    private static SccpFrame frameOf(byte[] message) {
        SccpBody header = new SccpBody(message);
        return new SccpFrame((int) header.wordAt(8), header.wordAt(4), Arrays.copyOfRange(message, 12, message.length));
    }

    private static byte[] frame(int messageId, long version, String hexBody) {
        byte[] body = HexFormat.of().parseHex(hexBody);
        return new SccpWriter().bytes(body).message(messageId, version);
    }

    private static void fixLength(byte[] message) {
        int length = message.length - 8;
        message[0] = (byte) length;
        message[1] = (byte) (length >>> 8);
        message[2] = 0;
        message[3] = 0;
    }
}
