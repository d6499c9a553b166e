package org.oreka.audio.codec.g726.internal;

import org.oreka.sdk.codec.AudioCodec;
import org.osgi.service.component.annotations.Component;

/** The {@code G726-16} codec: G.726 at 16 kbit/s, RFC 3551 packing. */
@Component(enabled = false, service = AudioCodec.class, property = AudioCodec.PROPERTY_NAME + "=G726-16")
public class G726x16Codec extends G726Codec {

    public G726x16Codec() {
        super(2, SpanDsp.PACKING_RIGHT);
    }
}
