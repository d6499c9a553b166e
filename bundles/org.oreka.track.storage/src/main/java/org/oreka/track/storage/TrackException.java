package org.oreka.track.storage;

/**
 * A request OrkTrack cannot carry out, with the {@code returncode} the API answers (such as
 * {@code ERROR_NO_USER_FOUND_FOR_LOGINSTRING}) and a message a person can act on.
 */
public class TrackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String returnCode;

    public TrackException(String returnCode, String message) {
        super(message);
        this.returnCode = returnCode;
    }

    /** The API's name for this failure. */
    public String returnCode() {
        return returnCode;
    }
}
