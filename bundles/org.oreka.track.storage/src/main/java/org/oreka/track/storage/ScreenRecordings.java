package org.oreka.track.storage;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The screen recordings of calls, for OrkWeb to show and play beside a call's audio. */
@ProviderType
public interface ScreenRecordings {

    /** The screen recordings made beside the call with this orkuid, oldest first; empty when there are none. */
    List<ScreenRecording> ofCall(String orkuid);
}
