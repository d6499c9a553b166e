package org.oreka.audio.reporting;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hears every message the recorder reports (tape stages, tags, as OrkTrack receives them), for instance the live
 * event stream. Register implementations as OSGi services; calls come in order, from the recorder's threads, and
 * must return at once (queue the work) and never throw.
 */
@ConsumerType
public interface TapeMessageListener {

    /** A reported message in URL form ({@code type=tape&recid=...&stage=...&}), as it is sent to OrkTrack. */
    void message(String urlForm);
}
