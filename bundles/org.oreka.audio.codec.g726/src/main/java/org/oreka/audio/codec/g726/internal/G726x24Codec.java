package org.oreka.audio.codec.g726.internal;

import org.oreka.sdk.codec.AudioCodec;
import org.osgi.service.component.annotations.Component;

/** The {@code G726-24} codec: G.726 at 24 kbit/s, RFC 3551 packing. */
@Component(enabled = false, service = AudioCodec.class, property = AudioCodec.PROPERTY_NAME + "=G726-24")
public class G726x24Codec extends G726Codec {

    public G726x24Codec() {
        super(3, SpanDsp.PACKING_RIGHT);
    }
}
