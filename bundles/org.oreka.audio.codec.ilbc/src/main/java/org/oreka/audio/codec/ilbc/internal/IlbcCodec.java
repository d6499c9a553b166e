package org.oreka.audio.codec.ilbc.internal;

import org.oreka.sdk.codec.AudioCodec;
import org.oreka.sdk.codec.AudioDecoder;
import org.osgi.service.component.annotations.Component;

/**
 * The iLBC codec (dynamic payload types, rtpmap {@code iLBC/8000}, 20 or 30 ms frames), 8 kHz, decoded by FFmpeg's
 * libavcodec. Enabled by {@link IlbcLibraryCheck} only when the library loads, so without it iLBC tapes wait
 * instead of failing.
 */
@Component(enabled = false, service = AudioCodec.class, property = {
        AudioCodec.PROPERTY_NAME + "=iLBC" })
public class IlbcCodec implements AudioCodec {

    @Override
    public int sampleRate() {
        return 8000;
    }

    @Override
    public AudioDecoder newDecoder() {
        return new IlbcDecoder();
    }
}
