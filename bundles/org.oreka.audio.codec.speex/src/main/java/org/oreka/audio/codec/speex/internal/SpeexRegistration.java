package org.oreka.audio.codec.speex.internal;

import java.util.Hashtable;

import org.oreka.sdk.codec.AudioCodec;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the speex codec when libspeex is installed. Without it the reason is logged once and no codec is
 * registered, so Speex tapes wait for it as they would without this bundle.
 */
@Component(service = {})
public class SpeexRegistration {

    private static final Logger LOG = LoggerFactory.getLogger(SpeexRegistration.class);

    private ServiceRegistration<AudioCodec> registration;

    @Activate
    public SpeexRegistration(BundleContext context) {
        LinkageError unavailable = LibSpeex.unavailable();
        if (unavailable != null) {
            LOG.error("Speex cannot be decoded: {} (Debian package libspeex1) cannot be loaded: {}; Speex tapes wait "
                    + "until it is installed and this bundle restarted", LibSpeex.LIBRARY, unavailable.getMessage());
            return;
        }
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(AudioCodec.PROPERTY_NAME, "speex");
        registration = context.registerService(AudioCodec.class, new SpeexCodec(), properties);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
    }
}
