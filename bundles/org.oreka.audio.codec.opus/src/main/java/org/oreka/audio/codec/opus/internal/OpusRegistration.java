package org.oreka.audio.codec.opus.internal;

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
 * Registers the opus codec when libopus is installed. Without it the reason is logged once and no codec is
 * registered, so Opus tapes wait for it as they would without this bundle.
 */
@Component(service = {})
public class OpusRegistration {

    private static final Logger LOG = LoggerFactory.getLogger(OpusRegistration.class);

    private ServiceRegistration<AudioCodec> registration;

    @Activate
    public OpusRegistration(BundleContext context) {
        LinkageError unavailable = LibOpus.unavailable();
        if (unavailable != null) {
            LOG.error("Opus cannot be decoded: {} (Debian package libopus0) cannot be loaded: {}; Opus tapes wait "
                    + "until it is installed and this bundle restarted", LibOpus.LIBRARY, unavailable.getMessage());
            return;
        }
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(AudioCodec.PROPERTY_NAME, "opus");
        registration = context.registerService(AudioCodec.class, new OpusCodec(), properties);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
    }
}
