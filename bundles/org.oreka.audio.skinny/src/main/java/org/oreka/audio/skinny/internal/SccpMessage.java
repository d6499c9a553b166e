package org.oreka.audio.skinny.internal;

import java.net.InetAddress;

import org.oreka.sdk.call.Party;

/**
 * The SCCP messages the decoder understands, reduced to the fields that matter for recording. Call references
 * and pass-through party ids are unsigned 32-bit values kept in a {@code long}; 0 means "not in the message".
 */
sealed interface SccpMessage {

    /**
     * CallInfo (0x008F) or CallInfoV2 (0x014A): who calls whom on one of the phone's calls.
     *
     * @param callType 1 inbound, 2 outbound, 3 forward
     * @param originalCalled the number first dialled when the call was redirected
     */
    record CallInfo(long lineInstance, long callReference, long callType, Party calling, Party called,
            Party originalCalled) implements SccpMessage {
    }

    /** CallState (0x0111): a call of the phone changed state (1 off hook, 2 on hook, 5 connected, 8 hold, ...). */
    record CallState(long state, long lineInstance, long callReference) implements SccpMessage {
    }

    /** LineStat (0x0092): the directory number and display name of one of the phone's lines. */
    record LineStat(long lineNumber, String directoryNumber, String displayName) implements SccpMessage {
    }

    /**
     * OpenReceiveChannel (0x0105): the call manager asks the phone to receive a stream; it ties the
     * pass-through party id to a call and states the codec.
     */
    record OpenReceiveChannel(long callReference, long passThruPartyId, long compressionType)
            implements SccpMessage {
    }

    /**
     * OpenReceiveChannelAck (0x0022): the phone tells where it receives RTP.
     *
     * @param callReference 0 in the old layout, which identifies the call only by the pass-through party id
     */
    record OpenReceiveChannelAck(long status, InetAddress address, int port, long passThruPartyId,
            long callReference) implements SccpMessage {
    }

    /**
     * StartMediaTransmission (0x008A): the call manager tells the phone where to send RTP.
     *
     * @param conferenceId the call the phone shows the stream in
     * @param callReference the call the stream itself belongs to; 0 in layouts without it
     */
    record StartMediaTransmission(long conferenceId, long passThruPartyId, InetAddress remoteAddress, int remotePort,
            long compressionType, long callReference) implements SccpMessage {
    }

    /** StopMediaTransmission (0x008B) or CloseReceiveChannel (0x0106): one stream of a call is torn down. */
    record MediaChannelClosed(long conferenceId, long passThruPartyId) implements SccpMessage {
    }

    /** SoftKeyEvent (0x0026): the user pressed a soft key (9 is EndCall) on a line and call. */
    record SoftKeyEvent(long event, long lineInstance, long callReference) implements SccpMessage {
    }
}
