package org.oreka.audio.net;

import java.io.IOException;
import java.nio.file.Path;

/** Thrown when a file handed to {@link CaptureFileReader} is not a pcap or pcapng capture. */
public class CaptureFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /**
     * @param file the rejected file
     * @param reason what was found instead, for the message (for example "it is empty")
     */
    public CaptureFileException(Path file, String reason) {
        super(file + " is not a pcap or pcapng capture: " + reason);
        this.file = file;
    }

    /** The rejected file. */
    public Path file() {
        return file;
    }
}
