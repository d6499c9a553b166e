package org.oreka.sdk.codec;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Decodes the RTP payloads of one stream, in order, to 16-bit linear PCM.
 *
 * <p>Failures: a payload that cannot be decoded yields silence of its nominal length (or nothing when the
 * length cannot be told), never an exception, so one bad packet never costs a recording.
 *
 * <p>Resources: a decoder holding native state may also implement {@link AutoCloseable}; the recorder closes it
 * when it is done with the stream (it must still free its state when it is garbage without being closed).
 */
@ConsumerType
public interface AudioDecoder {

    /** The most samples one payload of {@code payloadLength} bytes can decode to. */
    int maxSamples(int payloadLength);

    /**
     * Decodes one payload.
     *
     * @param payload the buffer holding the payload
     * @param offset where the payload starts
     * @param length the payload length in bytes
     * @param pcm where the samples go; must hold {@link #maxSamples(int)} samples from {@code pcmOffset}
     * @param pcmOffset where the first sample goes
     * @return the number of samples written
     */
    int decode(byte[] payload, int offset, int length, short[] pcm, int pcmOffset);
}
