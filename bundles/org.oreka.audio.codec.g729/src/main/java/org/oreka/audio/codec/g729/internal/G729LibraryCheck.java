package org.oreka.audio.codec.g729.internal;

import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the system library ({@link Bcg729#LIBRARY}) when the bundle starts and only then enables the codec:
 * without it the recorder runs on, G.729 tapes wait for the codec and one log line says why.
 */
@Component(immediate = true, service = {})
public class G729LibraryCheck {

    private static final Logger LOG = LoggerFactory.getLogger(G729LibraryCheck.class);

    @Activate
    void activate(ComponentContext context) {
        enableIfBound(Bcg729.unavailable(), context);
    }

    /** Enables the codec when the library is bound ({@code unavailable} null); else logs why on one line. */
    static void enableIfBound(LinkageError unavailable, ComponentContext context) {
        if (unavailable != null) {
            LOG.warn("G.729 is not available: {} cannot be loaded ({}). Install the Debian package libbcg729-0 and "
                    + "restart bundle org.oreka.audio.codec.g729; until then G.729 tapes wait", Bcg729.LIBRARY,
                    unavailable.getMessage().replaceAll("\\s*\\R\\s*", "; "));
            return;
        }
        // null: every component of this bundle, that is the codec.
        context.enableComponent(null);
    }
}
