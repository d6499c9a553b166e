package org.oreka.protocol;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One command of an Oreka HTTP API ({@code ping}, {@code record}, {@code adduser}, ...).
 *
 * <p>Register implementations as OSGi services with {@link #PROPERTY_ENDPOINT} naming the API they belong to
 * and {@link #PROPERTY_NAME} the command's name (lower case). The endpoint's listener dispatches each request
 * to the command of that name, so a bundle adds commands to an API by registering services.
 *
 * <p>Threading: commands are called concurrently from the listener's threads.
 *
 * <p>Failures: a command answers bad parameters with a failed {@link CommandResponse} whose comment says what
 * is wrong; an exception escaping it is logged and answered with a generic failure, never a stack trace.
 */
@ConsumerType
public interface Command {

    /** Service property: which API the command belongs to, one of the {@code ENDPOINT_} values. */
    String PROPERTY_ENDPOINT = "oreka.command.endpoint";

    /** Service property: the command's name, in lower case. */
    String PROPERTY_NAME = "oreka.command.name";

    /** The recorder's API on port 59140 ({@code /command?type=...}). */
    String ENDPOINT_RECORDER = "orkaudio";

    /** OrkTrack's API ({@code /orktrack/command?cmd=...}). */
    String ENDPOINT_TRACKER = "orktrack";

    /** The screen recorder's API on port 59170. */
    String ENDPOINT_SCREEN_RECORDER = "orkrfb";

    /** Runs the command. */
    CommandResponse execute(CommandRequest request);
}
