package org.oreka.audio.codec.g726.internal;

import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads spandsp when the bundle starts and only then enables the G.726 codecs: without the library the recorder
 * runs on, G.726 tapes wait for the codec and one log line says why.
 */
@Component(immediate = true, service = {})
public class SpanDspCheck {

    private static final Logger LOG = LoggerFactory.getLogger(SpanDspCheck.class);

    @Activate
    void activate(ComponentContext context) {
        try {
            SpanDspLibrary.get();
        } catch (UnsatisfiedLinkError e) {
            LOG.warn("G.726 is not available: {} cannot be loaded ({}). Install the Debian package libspandsp2 and "
                    + "restart bundle org.oreka.audio.codec.g726; until then G.726 tapes wait", SpanDsp.SONAME,
                    e.getMessage());
            return;
        }
        // null: every component of this bundle, the codecs of the four rates and two packings.
        context.enableComponent(null);
    }
}
