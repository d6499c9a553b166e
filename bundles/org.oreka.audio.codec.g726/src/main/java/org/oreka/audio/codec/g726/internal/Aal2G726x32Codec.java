package org.oreka.audio.codec.g726.internal;

import org.oreka.sdk.codec.AudioCodec;
import org.osgi.service.component.annotations.Component;

/** The {@code AAL2-G726-32} codec: G.726 at 32 kbit/s, AAL2 packing (ITU-T I.366.2). */
@Component(enabled = false, service = AudioCodec.class, property = AudioCodec.PROPERTY_NAME + "=AAL2-G726-32")
public class Aal2G726x32Codec extends G726Codec {

    public Aal2G726x32Codec() {
        super(4, SpanDsp.PACKING_LEFT);
    }
}
