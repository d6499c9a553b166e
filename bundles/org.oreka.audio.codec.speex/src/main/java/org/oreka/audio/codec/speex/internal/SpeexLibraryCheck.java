package org.oreka.audio.codec.speex.internal;

import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the system library ({@link LibSpeex#LIBRARY}) when the bundle starts and only then enables the codec:
 * without it the recorder runs on, Speex tapes wait for the codec and one log line says why.
 */
@Component(immediate = true, service = {})
public class SpeexLibraryCheck {

    private static final Logger LOG = LoggerFactory.getLogger(SpeexLibraryCheck.class);

    @Activate
    void activate(ComponentContext context) {
        enableIfBound(LibSpeex.unavailable(), context);
    }

    /** Enables the codec when the library is bound ({@code unavailable} null); else logs why on one line. */
    static void enableIfBound(LinkageError unavailable, ComponentContext context) {
        if (unavailable != null) {
            LOG.warn("Speex is not available: {} cannot be loaded ({}). Install the Debian package libspeex1 and "
                    + "restart bundle org.oreka.audio.codec.speex; until then Speex tapes wait", LibSpeex.LIBRARY,
                    unavailable.getMessage().replaceAll("\\s*\\R\\s*", "; "));
            return;
        }
        // null: every component of this bundle, that is the codec.
        context.enableComponent(null);
    }
}
