package org.oreka.audio.codec.g726.internal;

import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system spandsp this bundle decodes with, loaded when the bundle starts: only then are the G.726 codecs
 * enabled, so without the library the recorder runs on, G.726 tapes wait for their codec and one log line says why.
 */
@Component(immediate = true, service = {})
public class SpanDspLibrary {

    private static final Logger LOG = LoggerFactory.getLogger(SpanDspLibrary.class);

    /** The library file this component checks; tests name one that is not installed. */
    String fileName = SpanDsp.SONAME;

    @Activate
    void activate(ComponentContext context) {
        try {
            SpanDsp.bind(fileName);
        } catch (UnsatisfiedLinkError e) {
            LOG.warn("G.726 is not available: {} cannot be loaded ({}). Install the Debian package libspandsp2 and "
                    + "restart bundle org.oreka.audio.codec.g726; until then G.726 tapes wait", fileName,
                    oneLine(e));
            return;
        }
        // null: every component of this bundle.
        context.enableComponent(null);
    }

    /** JNA explains a failed load over several lines (each place it looked); the log gets them on one. */
    private static String oneLine(UnsatisfiedLinkError e) {
        return String.valueOf(e.getMessage()).strip().replaceAll("\\s*\n\\s*", " ");
    }
}
