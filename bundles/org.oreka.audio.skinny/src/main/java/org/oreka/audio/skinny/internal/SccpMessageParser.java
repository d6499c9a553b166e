package org.oreka.audio.skinny.internal;

import java.net.InetAddress;
import java.util.Optional;
import java.util.Set;

import org.oreka.audio.skinny.internal.SccpMessage.CallInfo;
import org.oreka.audio.skinny.internal.SccpMessage.CallState;
import org.oreka.audio.skinny.internal.SccpMessage.LineStat;
import org.oreka.audio.skinny.internal.SccpMessage.MediaChannelClosed;
import org.oreka.audio.skinny.internal.SccpMessage.OpenReceiveChannel;
import org.oreka.audio.skinny.internal.SccpMessage.OpenReceiveChannelAck;
import org.oreka.audio.skinny.internal.SccpMessage.SoftKeyEvent;
import org.oreka.audio.skinny.internal.SccpMessage.StartMediaTransmission;
import org.oreka.sdk.call.Party;

/**
 * Reads the SCCP messages that matter for recording out of their frames, in both the old layouts (IPv4 address
 * fields) and the layouts of protocol version 17 and later (an address type followed by a 16-byte address).
 */
final class SccpMessageParser {

    static final int OPEN_RECEIVE_CHANNEL_ACK = 0x0022;
    static final int SOFT_KEY_EVENT = 0x0026;
    static final int START_MEDIA_TRANSMISSION = 0x008A;
    static final int STOP_MEDIA_TRANSMISSION = 0x008B;
    static final int CALL_INFO = 0x008F;
    static final int LINE_STAT = 0x0092;
    static final int OPEN_RECEIVE_CHANNEL = 0x0105;
    static final int CLOSE_RECEIVE_CHANNEL = 0x0106;
    static final int CALL_STATE = 0x0111;
    static final int CALL_INFO_V2 = 0x014A;

    private static final Set<Integer> UNDERSTOOD = Set.of(OPEN_RECEIVE_CHANNEL_ACK, SOFT_KEY_EVENT,
            START_MEDIA_TRANSMISSION, STOP_MEDIA_TRANSMISSION, CALL_INFO, LINE_STAT, OPEN_RECEIVE_CHANNEL,
            CLOSE_RECEIVE_CHANNEL, CALL_STATE, CALL_INFO_V2);

    /** Values of the address-type word that opens an address field in the newer layouts. */
    private static final long ADDRESS_TYPE_IPV4 = 0;
    private static final long ADDRESS_TYPE_IPV6 = 1;
    private static final long ADDRESS_TYPE_IPV4_V6 = 2;

    /** Header versions from which CallInfoV2 carries an alternate calling party after the calling party. */
    private static final long FIRST_VERSION_WITH_ALTERNATE_CALLING = 16;

    private static final int DIRECTORY_NUMBER_SIZE = 24;
    private static final int NAME_SIZE = 40;

    private SccpMessageParser() {
    }

    /** Whether messages with this id are decoded at all (so that an empty parse result means "malformed"). */
    static boolean understands(int messageId) {
        return UNDERSTOOD.contains(messageId);
    }

    /** The message in {@code frame}, or empty when its id is not one of ours or its body is too short. */
    static Optional<SccpMessage> parse(SccpFrame frame) {
        SccpBody body = new SccpBody(frame.body());
        return Optional.ofNullable(switch (frame.messageId()) {
            case CALL_INFO -> callInfo(body);
            case CALL_INFO_V2 -> callInfoV2(body, frame.headerVersion());
            case CALL_STATE -> body.has(0, 12) ? new CallState(body.wordAt(0), body.wordAt(4), body.wordAt(8)) : null;
            case LINE_STAT -> body.has(0, 4 + DIRECTORY_NUMBER_SIZE)
                    ? new LineStat(body.wordAt(0), body.fixedText(4, DIRECTORY_NUMBER_SIZE),
                            body.fixedText(4 + DIRECTORY_NUMBER_SIZE, NAME_SIZE))
                    : null;
            case OPEN_RECEIVE_CHANNEL -> openReceiveChannel(body);
            case OPEN_RECEIVE_CHANNEL_ACK -> openReceiveChannelAck(body);
            case START_MEDIA_TRANSMISSION -> startMediaTransmission(body);
            case STOP_MEDIA_TRANSMISSION, CLOSE_RECEIVE_CHANNEL -> body.has(0, 8)
                    ? new MediaChannelClosed(body.wordAt(0), body.wordAt(4))
                    : null;
            case SOFT_KEY_EVENT -> body.has(0, 4)
                    ? new SoftKeyEvent(body.wordAt(0), optionalWord(body, 4), optionalWord(body, 8))
                    : null;
            default -> null;
        });
    }

    /**
     * Fixed layout: calling name (40), calling number (24), called name (40), called number (24), line, call
     * reference, call type, original called name (40) and number (24), then fields the recorder does not use.
     */
    private static CallInfo callInfo(SccpBody body) {
        int line = 2 * (NAME_SIZE + DIRECTORY_NUMBER_SIZE);
        if (!body.has(line, 12)) {
            return null;
        }
        int originalCalledName = line + 12;
        return new CallInfo(body.wordAt(line), body.wordAt(line + 4), body.wordAt(line + 8),
                new Party(body.fixedText(NAME_SIZE, DIRECTORY_NUMBER_SIZE), body.fixedText(0, NAME_SIZE)),
                new Party(body.fixedText(2 * NAME_SIZE + DIRECTORY_NUMBER_SIZE, DIRECTORY_NUMBER_SIZE),
                        body.fixedText(NAME_SIZE + DIRECTORY_NUMBER_SIZE, NAME_SIZE)),
                new Party(body.fixedText(originalCalledName + NAME_SIZE, DIRECTORY_NUMBER_SIZE),
                        body.fixedText(originalCalledName, NAME_SIZE)));
    }

    /**
     * Eight words (line, call reference, call type, two redirect reasons, call instance, security status,
     * presentation bits) followed by NUL-terminated strings: calling, [alternate calling,] called, original
     * called and last redirecting numbers, four voice-mail boxes, then the calling, called, original called and
     * last redirecting names. Call managers that state a header version from 1 to 15 leave out the alternate
     * calling party; those that state 16 or later, or no version at all (0), include it.
     */
    private static CallInfo callInfoV2(SccpBody body, long headerVersion) {
        int stringsStart = 32;
        if (!body.has(0, stringsStart)) {
            return null;
        }
        boolean alternateCalling = headerVersion == 0 || headerVersion >= FIRST_VERSION_WITH_ALTERNATE_CALLING;
        int numberCount = alternateCalling ? 5 : 4;
        int stringCount = numberCount + 4 + 4;
        String[] strings = new String[stringCount];
        int offset = stringsStart;
        for (int i = 0; i < stringCount; i++) {
            strings[i] = body.stringAt(offset);
            offset = body.afterString(offset);
        }
        int called = alternateCalling ? 2 : 1;
        int names = numberCount + 4;
        return new CallInfo(body.wordAt(0), body.wordAt(4), body.wordAt(8),
                new Party(strings[0], strings[names]),
                new Party(strings[called], strings[names + 1]),
                new Party(strings[called + 1], strings[names + 2]));
    }

    /**
     * Conference id, pass-through party id, packet size, compression type, two qualifier words, then (on call
     * managers that send it) the call reference.
     */
    private static OpenReceiveChannel openReceiveChannel(SccpBody body) {
        if (!body.has(0, 16)) {
            return null;
        }
        long callReference = optionalWord(body, 24);
        return new OpenReceiveChannel(callReference != 0 ? callReference : body.wordAt(0), body.wordAt(4),
                body.wordAt(12));
    }

    /**
     * Old layout (16 or 20 bytes): status, IPv4 address, port, pass-through party id[, call reference]. Newer
     * layout (32 or 36 bytes): status, address type, 16-byte address, port, pass-through party id[, call
     * reference]. An old message long enough to pass for a new one would need the address 0.0.0.0, 1.0.0.0 or
     * 2.0.0.0 to be mistaken, so the address type settles it.
     */
    private static OpenReceiveChannelAck openReceiveChannelAck(SccpBody body) {
        if (body.has(0, 32) && isAddressType(body.wordAt(4))) {
            InetAddress address = address(body, body.wordAt(4), 8);
            return new OpenReceiveChannelAck(body.wordAt(0), address, port(body.wordAt(24)), body.wordAt(28),
                    optionalWord(body, 32));
        }
        if (!body.has(0, 16)) {
            return null;
        }
        return new OpenReceiveChannelAck(body.wordAt(0), body.ipv4At(4), port(body.wordAt(8)), body.wordAt(12),
                optionalWord(body, 16));
    }

    /**
     * Old layout: conference id, pass-through party id, IPv4 address, port, packet size, compression type,
     * four qualifier words, then the call reference (offset 40) when present. Newer layout: conference id,
     * pass-through party id, address type, 16-byte address, port, packet size, compression type, four qualifier
     * words, then the call reference (offset 56).
     */
    private static StartMediaTransmission startMediaTransmission(SccpBody body) {
        if (body.has(0, 40) && isAddressType(body.wordAt(8))) {
            InetAddress address = address(body, body.wordAt(8), 12);
            return new StartMediaTransmission(body.wordAt(0), body.wordAt(4), address, port(body.wordAt(28)),
                    body.wordAt(36), optionalWord(body, 56));
        }
        if (!body.has(0, 24)) {
            return null;
        }
        return new StartMediaTransmission(body.wordAt(0), body.wordAt(4), body.ipv4At(8), port(body.wordAt(12)),
                body.wordAt(20), optionalWord(body, 40));
    }

    private static boolean isAddressType(long word) {
        return word == ADDRESS_TYPE_IPV4 || word == ADDRESS_TYPE_IPV6 || word == ADDRESS_TYPE_IPV4_V6;
    }

    /** An IPv4 address sits in the first 4 bytes of the 16-byte field; both IPv6 types fill all 16. */
    private static InetAddress address(SccpBody body, long type, int offset) {
        return type == ADDRESS_TYPE_IPV4 ? body.ipv4At(offset) : body.ipv6At(offset);
    }

    /** Ports travel in a 32-bit word; anything above 65535 is garbage and reads as 0 (no usable port). */
    private static int port(long word) {
        return word <= 0xFFFF ? (int) word : 0;
    }

    private static long optionalWord(SccpBody body, int offset) {
        return body.has(offset, 4) ? body.wordAt(offset) : 0;
    }
}
