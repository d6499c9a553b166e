package org.oreka.sdk.tape;

import org.osgi.dto.DTO;

/** A tag added to a recording while it runs (a DTMF digit, a CTI field), with its position in the call. */
public class TagDTO extends DTO {
    /** The recording's orkuid. */
    public String orkuid;
    /** The tag type, for instance {@code dtmfdigit}. */
    public String type;
    public String text;
    /** Milliseconds from the start of the recording. */
    public long offsetMillis;
}
