package org.oreka.sdk.tape;

import org.osgi.dto.DTO;

/** A call the recorder is following right now, as listed by {@code oreka:sessions} and live monitoring. */
public class SessionDTO extends DTO {
    /** The recording's orkuid, once the session has started recording; empty before. */
    public String orkuid = "";
    /** The signalling protocol ({@code SIP}, {@code Skinny}) or {@code RTP} for sessions without signalling. */
    public String protocol;
    public String nativeCallId = "";
    public String localParty = "";
    public String remoteParty = "";
    /** {@code in}, {@code out} or {@code unkn}. */
    public String direction = "unkn";
    /** Start of the session, milliseconds since the epoch (capture clock). */
    public long startMillis;
    /** Time of the last packet, milliseconds since the epoch (capture clock). */
    public long lastActivityMillis;
    /** RTP packets recorded on side 1 and side 2. */
    public long side1Packets;
    public long side2Packets;
    public boolean onHold;
    /** Whether audio is being kept (false while paused or, in on-demand mode, before a record command). */
    public boolean recording;
    /** Whether a pause command stopped keeping its audio (until resume or record). */
    public boolean paused;
}
