package org.oreka.sdk.call;

import java.net.InetSocketAddress;
import java.util.Map;

/**
 * An audio stream endpoint announced by the signalling (an SDP {@code m=audio} section, a Skinny media
 * message): RTP to or from {@code address} belongs to the call.
 *
 * @param address where the announcing party receives RTP
 * @param payloadTypes RTP payload type to encoding name ({@code "PCMU"}, {@code "opus"},
 *        {@code "telephone-event"}), from the rtpmap lines; static types may be absent
 * @param mode the direction attribute
 * @param label the SDP {@code a=label} of the stream (SIPREC names each forked stream so), or an empty string
 */
public record MediaDescription(InetSocketAddress address, Map<Integer, String> payloadTypes, MediaMode mode,
        String label) {

    public MediaDescription {
        payloadTypes = Map.copyOf(payloadTypes);
        label = label == null ? "" : label;
    }
}
