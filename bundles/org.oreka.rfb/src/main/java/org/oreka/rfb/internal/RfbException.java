package org.oreka.rfb.internal;

import java.io.IOException;

/** A VNC server that broke the RFB protocol, refused us, or sent more than we accept; the message says which. */
final class RfbException extends IOException {

    private static final long serialVersionUID = 1L;

    RfbException(String message) {
        super(message);
    }
}
