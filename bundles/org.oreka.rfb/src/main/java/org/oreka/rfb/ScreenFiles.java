package org.oreka.rfb;

import java.nio.file.Path;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The videos OrkRfb recorded (WebM), for OrkWeb in the same Karaf to stream: a screen recording's {@code filename}
 * (as {@code ScreenRecordings.ofCall} gives it) resolved under {@code ScreenOutputPath}, never outside it.
 */
@ProviderType
public interface ScreenFiles {

    /** The root of the screen recordings ({@code ScreenOutputPath}). */
    Path root();

    /**
     * The video of a screen recording.
     *
     * @param filename its name relative to the root, as reported to OrkTrack
     * @return the file, when the name stays under the root and the video is there (a recording in progress is not)
     */
    Optional<Path> video(String filename);
}
