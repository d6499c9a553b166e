package org.oreka.track.ondemand;

import java.io.Closeable;
import java.io.InputStream;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Relays on-demand commands to the recorder holding a live call, found from its tape messages; when OrkTrack does
 * not know the call, every registered audio recorder is asked in turn. A call is named by its orkuid or, failing
 * that, its local party.
 */
@ProviderType
public interface RecorderRelay {

    /** The recording controls a recorder takes. */
    enum Control {
        RECORD,
        PAUSE,
        RESUME,
        STOP
    }

    /**
     * Sends a control for the call of {@code orkuid}, or of {@code localParty} when orkuid is null.
     *
     * @param side {@code both}, {@code local}, {@code remote} or {@code none} (record); null for both
     * @return the first recorder's success, or the failure with every recorder's answer
     */
    Result control(Control control, String orkuid, String localParty, String side);

    /**
     * Opens the live audio of a call from its recorder (the recorder's {@code streamaudio}: 8 kHz 16-bit
     * little-endian PCM, two channels when {@code stereo}, after a WAV header of unknown length when {@code wav}, so
     * that a browser plays it); the caller reads and closes it.
     *
     * @throws org.oreka.track.storage.TrackException when no recorder streams that call
     */
    LiveAudio listen(String orkuid, String localParty, boolean stereo, boolean wav);

    /**
     * A relayed command's outcome.
     *
     * @param success whether a recorder did it
     * @param returnCode {@code NO_ERROR} or the failure's code
     * @param comment the recorder's comment, or why it failed
     * @param recorder the recorder that did it, or null
     */
    record Result(boolean success, String returnCode, String comment, String recorder) {
    }

    /** A live audio stream from a recorder. */
    interface LiveAudio extends Closeable {
        /** The recorder's Content-Type. */
        String contentType();

        /** The audio as it comes. */
        InputStream body();
    }
}
