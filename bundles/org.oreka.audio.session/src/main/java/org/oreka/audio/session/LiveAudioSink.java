package org.oreka.audio.session;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives the RTP audio payloads of a tapped call ({@link LiveAudio}).
 *
 * <p>Threading: calls come from the capture thread, in capture order, with the session tracker busy until they
 * return: a sink copies what it needs into its own bounded queue and returns at once; it never blocks and never
 * throws. Comfort noise and telephone events are not handed on.
 *
 * @since 1.3
 */
@ConsumerType
public interface LiveAudioSink {

    /**
     * One audio payload of one side of the call.
     *
     * @param side 1 or 2: the call's two directions, as in the recording's channels
     * @param payloadType the RTP payload type
     * @param rtpmap the call's rtpmap for that payload type ({@code opus/48000/2}), or null for a static type
     * @param rtpTimestamp the RTP timestamp
     * @param payload the buffer holding the payload; valid only during the call
     * @param offset where the payload starts
     * @param length the payload's length in bytes
     */
    void audio(int side, int payloadType, String rtpmap, long rtpTimestamp, byte[] payload, int offset, int length);

    /** The call ended (or the recorder stops): no audio follows. */
    void ended();
}
