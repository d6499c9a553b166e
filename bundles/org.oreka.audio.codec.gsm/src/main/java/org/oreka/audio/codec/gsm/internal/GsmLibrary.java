package org.oreka.audio.codec.gsm.internal;

import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system libgsm this bundle decodes with, loaded when the bundle starts: only then are the GSM codec and the
 * {@code gsm} storage format enabled, so without the library the recorder runs on, GSM tapes wait for the codec and
 * one log line says why.
 */
@Component(immediate = true, service = {})
public class GsmLibrary {

    private static final Logger LOG = LoggerFactory.getLogger(GsmLibrary.class);

    /** The library file this component checks; tests name one that is not installed. */
    String fileName = LibGsm.SONAME;

    @Activate
    void activate(ComponentContext context) {
        try {
            LibGsm.bind(fileName);
        } catch (UnsatisfiedLinkError e) {
            LOG.warn("GSM 06.10 is not available: {} cannot be loaded ({}). Install the Debian package libgsm1 and "
                    + "restart bundle org.oreka.audio.codec.gsm; until then GSM tapes wait and StorageAudioFormat = gsm "
                    + "is not offered", fileName, oneLine(e));
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
