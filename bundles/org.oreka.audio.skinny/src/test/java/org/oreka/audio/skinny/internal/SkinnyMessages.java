package org.oreka.audio.skinny.internal;

import java.net.Inet6Address;

import org.oreka.audio.skinny.internal.fake.SccpWriter;
import org.oreka.audio.skinny.internal.fake.TcpSegment;

/** Complete SCCP messages in the layouts call managers and phones send, for tests. */
final class SkinnyMessages {

    /** The header version of a CUCM speaking protocol 20 (the ndpi-skinny capture). */
    static final long V20 = 0x14;
    /** Old call managers leave the header version at 0. */
    static final long V0 = 0;

    static final long G711_ALAW = 2;
    static final long G711_ULAW = 4;
    static final long G729 = 11;

    private SkinnyMessages() {
    }

    static byte[] callInfo(long line, long reference, long callType, String callingNumber, String callingName,
            String calledNumber, String calledName, String originalCalled) {
        return new SccpWriter().fixed(callingName, 40).fixed(callingNumber, 24).fixed(calledName, 40)
                .fixed(calledNumber, 24).word(line).word(reference).word(callType).fixed("", 40)
                .fixed(originalCalled, 24).fixed("", 40).fixed("", 24).word(0).word(0).zeros(4 * 24).word(1).word(0)
                .word(0).message(SccpMessageParser.CALL_INFO, V0);
    }

    /** CallInfoV2 as a CUCM of protocol 16 or later (or one stating no version) sends it: 15 strings. */
    static byte[] callInfoV2(long headerVersion, long line, long reference, long callType, String callingNumber,
            String callingName, String calledNumber, String calledName, String originalCalled) {
        SccpWriter writer = fixedCallInfoV2(line, reference, callType).string(callingNumber).string(callingNumber)
                .string(calledNumber).string(originalCalled).string(originalCalled);
        return voiceMailAndNames(writer, callingName, calledName).string("").string("").zeros(2)
                .message(SccpMessageParser.CALL_INFO_V2, headerVersion);
    }

    /** CallInfoV2 in the layout without the alternate calling party (header versions 1 to 15). */
    static byte[] callInfoV2WithoutAlternate(long headerVersion, long line, long reference, long callType,
            String callingNumber, String callingName, String calledNumber, String calledName) {
        SccpWriter writer = fixedCallInfoV2(line, reference, callType).string(callingNumber).string(calledNumber)
                .string(calledNumber).string("");
        return voiceMailAndNames(writer, callingName, calledName).zeros(3)
                .message(SccpMessageParser.CALL_INFO_V2, headerVersion);
    }

    private static SccpWriter fixedCallInfoV2(long line, long reference, long callType) {
        return new SccpWriter().word(line).word(reference).word(callType).word(0).word(0).word(1).word(0).word(0);
    }

    private static SccpWriter voiceMailAndNames(SccpWriter writer, String callingName, String calledName) {
        return writer.string("").string("").string("").string("").string(callingName).string(calledName)
                .string(calledName).string(calledName);
    }

    static byte[] callState(long state, long line, long reference) {
        return new SccpWriter().word(state).word(line).word(reference).word(0).word(4).word(0)
                .message(SccpMessageParser.CALL_STATE, V20);
    }

    static byte[] lineStat(long line, String number, String name) {
        return new SccpWriter().word(line).fixed(number, 24).fixed(name, 40).fixed(name, 40).word(15)
                .message(SccpMessageParser.LINE_STAT, V0);
    }

    static byte[] openReceiveChannel(long conference, long passThru, long compression, long reference) {
        return new SccpWriter().word(conference).word(passThru).word(20).word(compression).word(0).word(0)
                .word(reference).zeros(100).message(SccpMessageParser.OPEN_RECEIVE_CHANNEL, V20);
    }

    /** OpenReceiveChannel of an old call manager: no call reference. */
    static byte[] openReceiveChannelOld(long conference, long passThru, long compression) {
        return new SccpWriter().word(conference).word(passThru).word(20).word(compression).word(0).word(0)
                .message(SccpMessageParser.OPEN_RECEIVE_CHANNEL, V0);
    }

    /** OpenReceiveChannelAck, old layout: status, IPv4, port, pass-through party id (16 bytes). */
    static byte[] openReceiveChannelAckOld(String ip, int port, long passThru) {
        return new SccpWriter().word(0).address(ip, 4).word(port).word(passThru)
                .message(SccpMessageParser.OPEN_RECEIVE_CHANNEL_ACK, V0);
    }

    /** OpenReceiveChannelAck, newer layout: status, address type, 16-byte address, port, pass-through, call. */
    static byte[] openReceiveChannelAck(String ip, int port, long passThru, long reference) {
        return new SccpWriter().word(0).word(addressType(ip)).address(ip, 16).word(port).word(passThru)
                .word(reference).message(SccpMessageParser.OPEN_RECEIVE_CHANNEL_ACK, V20);
    }

    /** StartMediaTransmission, old layout with the call reference at offset 40 (44 bytes). */
    static byte[] startMediaTransmissionOld(long conference, long passThru, String ip, int port, long compression) {
        return new SccpWriter().word(conference).word(passThru).address(ip, 4).word(port).word(20).word(compression)
                .word(0).word(0).word(0).word(0).word(conference)
                .message(SccpMessageParser.START_MEDIA_TRANSMISSION, V0);
    }

    /** StartMediaTransmission as CUCM protocol 20 sends it (136 bytes, call reference at offset 56). */
    static byte[] startMediaTransmission(long conference, long passThru, String ip, int port, long compression,
            long reference) {
        return new SccpWriter().word(conference).word(passThru).word(addressType(ip)).address(ip, 16).word(port)
                .word(20).word(compression).word(0xB8).word(0).word(0).word(0).word(reference).zeros(64).word(10)
                .word(0).word(0).message(SccpMessageParser.START_MEDIA_TRANSMISSION, V20);
    }

    static byte[] stopMediaTransmission(long conference, long passThru, long reference) {
        return new SccpWriter().word(conference).word(passThru).word(reference).word(0)
                .message(SccpMessageParser.STOP_MEDIA_TRANSMISSION, V20);
    }

    static byte[] closeReceiveChannel(long conference, long passThru, long reference) {
        return new SccpWriter().word(conference).word(passThru).word(reference).word(0)
                .message(SccpMessageParser.CLOSE_RECEIVE_CHANNEL, V20);
    }

    static byte[] softKeyEvent(long event, long line, long reference) {
        return new SccpWriter().word(event).word(line).word(reference).message(SccpMessageParser.SOFT_KEY_EVENT, V20);
    }

    static byte[] keepAlive() {
        return new SccpWriter().message(0x0000, V20);
    }

    private static long addressType(String ip) {
        return TcpSegment.address(ip) instanceof Inet6Address ? 1 : 0;
    }
}
