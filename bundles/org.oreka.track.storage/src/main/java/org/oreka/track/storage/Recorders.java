package org.oreka.track.storage;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The recorders that report to OrkTrack, registered by their {@code init} messages (Oreka's {@code orkservice}). */
@ProviderType
public interface Recorders {

    /** Adds or updates a recorder from its init message. */
    Recorder register(RecorderRegistration registration);

    /** The recorder with that service name. */
    Optional<Recorder> byName(String name);

    /** Every known recorder, by name. */
    List<Recorder> all();
}
