package org.oreka.sdk.call;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * Something the signalling said about a call, as decoded by a {@link SignallingDecoder}.
 *
 * <p>Events carry what was on the wire; deciding local and remote party, direction and recording is the
 * session tracker's job, following the recorder's configuration.
 */
public sealed interface CallEvent {

    /** The call's identity in its protocol (the SIP Call-ID, a Skinny call reference). */
    String callId();

    /** Capture time of the message, microseconds since the epoch. */
    long timestampMicros();

    /**
     * A call is set up or changed (a SIP INVITE or re-INVITE, a Skinny call-info).
     *
     * @param caller who places the call (SIP From)
     * @param callee who is called (SIP To)
     * @param requestUri the user of the request line (SIP), or {@link Party#UNKNOWN}
     * @param direction the direction when the protocol states it (Skinny); {@link Direction#UNKNOWN} lets
     *        the tracker decide by its rules, with {@code IN} meaning the callee is local
     * @param signallingSource who sent the message
     * @param signallingDestination who received it
     * @param media the audio streams the caller offers (may be empty)
     * @param userAgent the sender's User-Agent, or an empty string
     * @param tags extracted header values to attach to the recording
     */
    record CallOffered(String callId, long timestampMicros, Party caller, Party callee, Party requestUri,
            Direction direction, InetSocketAddress signallingSource, InetSocketAddress signallingDestination,
            List<MediaDescription> media, String userAgent, Map<String, String> tags) implements CallEvent {
        public CallOffered {
            media = List.copyOf(media);
            tags = Map.copyOf(tags);
            userAgent = userAgent == null ? "" : userAgent;
        }
    }

    /**
     * Media for a call is announced outside an offer (SDP in a 200 OK, 183 or ACK; a Skinny media message).
     *
     * @param announcer who sent the announcement
     * @param media the streams announced
     */
    record MediaAnnounced(String callId, long timestampMicros, InetSocketAddress announcer,
            List<MediaDescription> media) implements CallEvent {
        public MediaAnnounced {
            media = List.copyOf(media);
        }
    }

    /** The call was hung up (SIP BYE, Skinny call end). */
    record CallEnded(String callId, long timestampMicros) implements CallEvent {
    }

    /**
     * The call failed before or without being answered (CANCEL, a 4xx/5xx/6xx final response).
     *
     * @param statusCode the SIP status, or 0 for CANCEL
     * @param reason the reason phrase
     */
    record CallFailed(String callId, long timestampMicros, int statusCode, String reason) implements CallEvent {
    }

    /**
     * The call is being transferred (SIP REFER).
     *
     * @param referTo the transfer target
     * @param referredBy who asked for the transfer, or {@link Party#UNKNOWN}
     */
    record CallTransferred(String callId, long timestampMicros, Party referTo, Party referredBy)
            implements CallEvent {
    }

    /**
     * A DTMF digit signalled out of band (SIP INFO).
     *
     * @param digit {@code 0}-{@code 9}, {@code *}, {@code #} or {@code A}-{@code D}
     */
    record DtmfSignalled(String callId, long timestampMicros, String digit) implements CallEvent {
    }

    /** A key/value the signalling attached to a call after it started, to be stored as a tag. */
    record CallTagged(String callId, long timestampMicros, String key, String value) implements CallEvent {
    }
}
