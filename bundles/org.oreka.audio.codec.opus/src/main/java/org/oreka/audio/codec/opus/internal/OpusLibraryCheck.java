package org.oreka.audio.codec.opus.internal;

import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the system library ({@link LibOpus#LIBRARY}) when the bundle starts and only then enables the codec:
 * without it the recorder runs on, Opus tapes wait for the codec and one log line says why.
 */
@Component(immediate = true, service = {})
public class OpusLibraryCheck {

    private static final Logger LOG = LoggerFactory.getLogger(OpusLibraryCheck.class);

    @Activate
    void activate(ComponentContext context) {
        enableIfBound(LibOpus.unavailable(), context);
    }

    /** Enables the codec when the library is bound ({@code unavailable} null); else logs why on one line. */
    static void enableIfBound(LinkageError unavailable, ComponentContext context) {
        if (unavailable != null) {
            LOG.warn("Opus is not available: {} cannot be loaded ({}). Install the Debian package libopus0 and "
                    + "restart bundle org.oreka.audio.codec.opus; until then Opus tapes wait", LibOpus.LIBRARY,
                    unavailable.getMessage().replaceAll("\\s*\\R\\s*", "; "));
            return;
        }
        // null: every component of this bundle, that is the codec.
        context.enableComponent(null);
    }
}
