package org.oreka.audio.session;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Hands the audio of a call in progress to a listener as it is captured: live monitoring (the recorder's live
 * audio stream on port 59120) and real-time analytics.
 *
 * <p>Matching follows {@link RecordingControl}: by orkuid the call whose current recording has that id, by party
 * the call whose local (else remote) party it is, by native call id the call with that signalling id; when several
 * calls match, the one that started last is tapped. A call matches before it records (in on-demand mode, say), so
 * a supervisor can listen to calls that are not being kept.
 *
 * <p>Privacy: audio is never handed on while the call is paused (a {@code pause} command), as it is not recorded.
 *
 * @since 1.3
 */
@ProviderType
public interface LiveAudio {

    /**
     * Starts handing the audio of one live call to {@code sink}, from its next packet on.
     *
     * @return the tap, to be closed when the listener is done; empty when no live call matches
     */
    Optional<LiveAudioTap> tap(CallSelector call, LiveAudioSink sink);
}
