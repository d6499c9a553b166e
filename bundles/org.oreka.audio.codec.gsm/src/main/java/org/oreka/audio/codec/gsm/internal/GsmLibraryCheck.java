package org.oreka.audio.codec.gsm.internal;

import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads libgsm when the bundle starts and only then enables the GSM codec and the {@code gsm} storage format:
 * without the library the recorder runs on, GSM tapes wait for the codec and one log line says why.
 */
@Component(immediate = true, service = {})
public class GsmLibraryCheck {

    private static final Logger LOG = LoggerFactory.getLogger(GsmLibraryCheck.class);

    @Activate
    void activate(ComponentContext context) {
        try {
            GsmLibrary.get();
        } catch (UnsatisfiedLinkError e) {
            LOG.warn("GSM 06.10 is not available: {} cannot be loaded ({}). Install the Debian package libgsm1 and "
                    + "restart bundle org.oreka.audio.codec.gsm; until then GSM tapes wait and StorageAudioFormat = gsm "
                    + "is not offered", LibGsm.SONAME, e.getMessage());
            return;
        }
        // null: every component of this bundle, the codec and the storage format.
        context.enableComponent(null);
    }
}
