package org.oreka.audio.codec.gsm.internal;

import org.oreka.sdk.codec.AudioCodec;
import org.oreka.sdk.codec.AudioDecoder;
import org.osgi.service.component.annotations.Component;

/**
 * The GSM codec (GSM 06.10 full rate, static RTP payload type 3), decoded by libgsm. Enabled by
 * {@link GsmLibrary} only when libgsm loads, so without it GSM tapes wait instead of failing.
 */
@Component(enabled = false, service = AudioCodec.class, property = {
        AudioCodec.PROPERTY_NAME + "=GSM",
        AudioCodec.PROPERTY_PAYLOAD_TYPE + ":Integer=3" })
public class GsmCodec implements AudioCodec {

    @Override
    public int sampleRate() {
        return 8000;
    }

    @Override
    public AudioDecoder newDecoder() {
        return new GsmDecoder(new GsmState(false));
    }
}
