package org.oreka.sdk.codec;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One RTP payload format the recorder can turn into linear PCM.
 *
 * <p>Register implementations as OSGi services with {@link #PROPERTY_NAME} (the SDP rtpmap encoding name,
 * matched case-insensitively) and, for formats with a static payload type, {@link #PROPERTY_PAYLOAD_TYPE}.
 * The recorder picks a codec per stream when it transcodes a tape, so installing a codec bundle makes tapes
 * of that format playable from then on, including tapes that waited for it.
 *
 * <p>Threading: {@link #newDecoder()} may be called from any thread; each decoder is used by one thread.
 */
@ConsumerType
public interface AudioCodec {

    /** Service property: the rtpmap encoding name, for instance {@code PCMU}, {@code G722}, {@code opus}. */
    String PROPERTY_NAME = "oreka.codec.name";

    /** Service property (Integer): the static RTP payload type, for instance 0 for PCMU; absent for dynamic ones. */
    String PROPERTY_PAYLOAD_TYPE = "oreka.codec.payloadtype";

    /** The sample rate of the PCM the decoders of this codec produce. */
    int sampleRate();

    /** A fresh decoder for one stream; decoders may keep state from packet to packet. */
    AudioDecoder newDecoder();
}
