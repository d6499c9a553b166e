package org.oreka.audio.codec.g726.internal;

import org.oreka.sdk.codec.AudioCodec;
import org.osgi.service.component.annotations.Component;

/** The {@code G726-40} codec: G.726 at 40 kbit/s, RFC 3551 packing. */
@Component(enabled = false, service = AudioCodec.class, property = AudioCodec.PROPERTY_NAME + "=G726-40")
public class G726x40Codec extends G726Codec {

    public G726x40Codec() {
        super(5, SpanDsp.PACKING_RIGHT);
    }
}
