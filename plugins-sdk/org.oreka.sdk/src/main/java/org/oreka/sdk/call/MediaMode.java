package org.oreka.sdk.call;

/** The SDP direction attribute of a media stream; {@code SENDONLY} and {@code INACTIVE} put a call on hold. */
public enum MediaMode {
    SENDRECV,
    SENDONLY,
    RECVONLY,
    INACTIVE;

    /** Whether a stream in this mode means the announcing party put the call on hold. */
    public boolean isHold() {
        return this == SENDONLY || this == INACTIVE;
    }
}
