package org.oreka.audio.codec.g722.internal;

import org.oreka.sdk.codec.AudioCodec;
import org.oreka.sdk.codec.AudioDecoder;
import org.osgi.service.component.annotations.Component;

/**
 * The G722 codec (static RTP payload type 9): 16 kHz audio, although RFC 3551 keeps its RTP clock at 8000 Hz, which
 * the recorder takes from the payload format, not from here. Enabled by {@link SpanDspLibrary} when spandsp loads.
 */
@Component(enabled = false, service = AudioCodec.class, property = {
        AudioCodec.PROPERTY_NAME + "=G722",
        AudioCodec.PROPERTY_PAYLOAD_TYPE + ":Integer=9" })
public class G722Codec implements AudioCodec {

    @Override
    public int sampleRate() {
        return 16000;
    }

    @Override
    public AudioDecoder newDecoder() {
        return new G722Decoder();
    }
}
