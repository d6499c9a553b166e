package org.oreka.audio.codec.ilbc.internal;

import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the system library (FFmpeg's libavcodec) when the bundle starts and only then enables the codec:
 * without it the recorder runs on, iLBC tapes wait for the codec and one log line says why.
 */
@Component(immediate = true, service = {})
public class IlbcLibraryCheck {

    private static final Logger LOG = LoggerFactory.getLogger(IlbcLibraryCheck.class);

    @Activate
    void activate(ComponentContext context) {
        enableIfBound(Ffmpeg.unavailable(), context);
    }

    /** Enables the codec when the library is bound ({@code unavailable} null); else logs why on one line. */
    static void enableIfBound(LinkageError unavailable, ComponentContext context) {
        if (unavailable != null) {
            LOG.warn("iLBC is not available: none of {} can be loaded with its libavutil ({}). Install the Debian "
                    + "package libavcodec59 and restart bundle org.oreka.audio.codec.ilbc; until then iLBC tapes wait",
                    Ffmpeg.names(), unavailable.getMessage().replaceAll("\\s*\\R\\s*", "; "));
            return;
        }
        // null: every component of this bundle, that is the codec.
        context.enableComponent(null);
    }
}
