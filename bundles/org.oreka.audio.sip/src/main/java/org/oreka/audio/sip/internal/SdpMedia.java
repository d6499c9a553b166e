package org.oreka.audio.sip.internal;

import java.net.InetAddress;
import java.util.Map;

import org.oreka.sdk.call.MediaMode;

/**
 * One {@code m=} section of an SDP body, whatever its media type.
 *
 * @param index the position of the m= line in the body, counting every media type (offer and answer match by it)
 * @param type the media type in lower case ({@code audio}, {@code video}, {@code image}, ...)
 * @param port the port; 0 means the stream is rejected or disabled
 * @param address the connection address (media level, else session level), or null when there is none that is
 *        an address literal
 * @param payloadTypes payload type to encoding name, for the formats the m= line lists
 * @param mode the direction attribute (media level, else session level, else sendrecv); a connection address of
 *        0.0.0.0 makes it inactive
 * @param label the {@code a=label} value, or an empty string
 */
record SdpMedia(int index, String type, int port, InetAddress address, Map<Integer, String> payloadTypes,
        MediaMode mode, String label) {

    boolean isAudio() {
        return type.equals("audio");
    }
}
