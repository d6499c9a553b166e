package org.oreka.audio.codec.g726.internal;

import org.oreka.sdk.codec.AudioCodec;
import org.osgi.service.component.annotations.Component;

/** The {@code AAL2-G726-24} codec: G.726 at 24 kbit/s, AAL2 packing (ITU-T I.366.2). */
@Component(enabled = false, service = AudioCodec.class, property = AudioCodec.PROPERTY_NAME + "=AAL2-G726-24")
public class Aal2G726x24Codec extends G726Codec {

    public Aal2G726x24Codec() {
        super(3, SpanDsp.PACKING_LEFT);
    }
}
