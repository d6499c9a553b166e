package org.oreka.audio.codec.g726.internal;

import org.oreka.sdk.codec.AudioCodec;
import org.osgi.service.component.annotations.Component;

/** The {@code AAL2-G726-16} codec: G.726 at 16 kbit/s, AAL2 packing (ITU-T I.366.2). */
@Component(enabled = false, service = AudioCodec.class, property = AudioCodec.PROPERTY_NAME + "=AAL2-G726-16")
public class Aal2G726x16Codec extends G726Codec {

    public Aal2G726x16Codec() {
        super(2, SpanDsp.PACKING_LEFT);
    }
}
