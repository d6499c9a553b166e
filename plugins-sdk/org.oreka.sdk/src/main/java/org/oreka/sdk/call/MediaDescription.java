package org.oreka.sdk.call;

import java.net.InetSocketAddress;
import java.util.Map;

/**
 * An audio stream endpoint announced by the signalling (an SDP {@code m=audio} section, a Skinny media
 * message): RTP to or from {@code address} belongs to the call.
 *
 * @param address where the announcing party receives RTP
 * @param payloadTypes RTP payload type to its encoding as the rtpmap line gives it ({@code "PCMU/8000"},
 *        {@code "opus/48000/2"}, {@code "telephone-event/8000"}: name, clock rate and channels, which
 *        {@link org.oreka.sdk.codec.PayloadFormat#of} reads), or the bare name of a static type the signalling
 *        names without a clock ({@code "PCMU"}); static types may be absent
 * @param mode the direction attribute
 * @param label the SDP {@code a=label} of the stream (SIPREC names each forked stream so), or an empty string
 * @param sender who speaks on this stream when the signalling says so (a SIPREC participant from the
 *        recording metadata), otherwise {@link Party#UNKNOWN}
 */
public record MediaDescription(InetSocketAddress address, Map<Integer, String> payloadTypes, MediaMode mode,
        String label, Party sender) {

    public MediaDescription {
        payloadTypes = Map.copyOf(payloadTypes);
        label = label == null ? "" : label;
        sender = sender == null ? Party.UNKNOWN : sender;
    }

    /** A stream without label or known sender. */
    public MediaDescription(InetSocketAddress address, Map<Integer, String> payloadTypes, MediaMode mode) {
        this(address, payloadTypes, mode, "", Party.UNKNOWN);
    }
}
