package org.oreka.audio.codec.g726.internal;

import org.oreka.sdk.codec.AudioCodec;
import org.osgi.service.component.annotations.Component;

/** The {@code G726-32} codec: G.726 at 32 kbit/s, RFC 3551 packing. */
@Component(enabled = false, service = AudioCodec.class, property = AudioCodec.PROPERTY_NAME + "=G726-32")
public class G726x32Codec extends G726Codec {

    public G726x32Codec() {
        super(4, SpanDsp.PACKING_RIGHT);
    }
}
