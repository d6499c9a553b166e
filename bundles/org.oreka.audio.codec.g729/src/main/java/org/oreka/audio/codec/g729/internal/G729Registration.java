package org.oreka.audio.codec.g729.internal;

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
 * Registers the G729 codec when libbcg729 is installed. Without it the reason is logged once and no codec is
 * registered, so G.729 tapes wait for it as they would without this bundle.
 */
@Component(service = {})
public class G729Registration {

    private static final Logger LOG = LoggerFactory.getLogger(G729Registration.class);

    private ServiceRegistration<AudioCodec> registration;

    @Activate
    public G729Registration(BundleContext context) {
        LinkageError unavailable = Bcg729.unavailable();
        if (unavailable != null) {
            LOG.error("G.729 cannot be decoded: {} (Debian package libbcg729-0) cannot be loaded: {}; G.729 tapes wait "
                    + "until it is installed and this bundle restarted", Bcg729.LIBRARY, unavailable.getMessage());
            return;
        }
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(AudioCodec.PROPERTY_NAME, "G729");
        properties.put(AudioCodec.PROPERTY_PAYLOAD_TYPE, 18);
        registration = context.registerService(AudioCodec.class, new G729Codec(), properties);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
    }
}
