package org.oreka.audio.session;

import org.oreka.sdk.tape.SessionDTO;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A listener's hold on the audio of one live call ({@link LiveAudio#tap}); closing it stops the audio.
 *
 * @since 1.3
 */
@ProviderType
public interface LiveAudioTap extends AutoCloseable {

    /** The call tapped, as it was when the tap began. */
    SessionDTO call();

    /** Stops handing audio to the sink; the sink hears no {@link LiveAudioSink#ended()}. Idempotent. */
    @Override
    void close();
}
