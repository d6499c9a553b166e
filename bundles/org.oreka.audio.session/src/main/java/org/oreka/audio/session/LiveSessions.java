package org.oreka.audio.session;

import java.util.List;

import org.oreka.sdk.tape.SessionDTO;
import org.osgi.annotation.versioning.ProviderType;

/** The calls the recorder follows right now (live monitoring, {@code oreka:sessions}). */
@ProviderType
public interface LiveSessions {

    /** Snapshots of the sessions being tracked, oldest first. */
    List<SessionDTO> sessions();
}
