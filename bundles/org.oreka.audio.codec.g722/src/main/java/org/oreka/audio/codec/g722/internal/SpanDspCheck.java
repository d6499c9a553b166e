package org.oreka.audio.codec.g722.internal;

import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads spandsp when the bundle starts and only then enables the G.722 codec: without the library the recorder
 * runs on, G.722 tapes wait for the codec and one log line says why.
 */
@Component(immediate = true, service = {})
public class SpanDspCheck {

    private static final Logger LOG = LoggerFactory.getLogger(SpanDspCheck.class);

    @Activate
    void activate(ComponentContext context) {
        try {
            SpanDspLibrary.get();
        } catch (UnsatisfiedLinkError e) {
            LOG.warn("G.722 is not available: {} cannot be loaded ({}). Install the Debian package libspandsp2 and "
                    + "restart bundle org.oreka.audio.codec.g722; until then G.722 tapes wait", SpanDsp.SONAME,
                    e.getMessage());
            return;
        }
        // null: every component of this bundle, that is the codec.
        context.enableComponent(null);
    }
}
