package org.oreka.sdk.tape;

import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.dto.DTO;

/**
 * The description of one recording (a "tape" in Oreka's words), as reported to OrkTrack and passed along the
 * tape-processor chain. Field names follow Oreka's tape message.
 */
public class TapeDTO extends DTO {
    /** The recording's unique id, {@code yyyyMMdd_HHmmss_XXXX}. */
    public String orkuid;
    /** The capture port (Oreka's tracking id for VoIP calls). */
    public String capturePort;
    /** Start of the recording, milliseconds since the epoch (capture clock). */
    public long startMillis;
    /** Length of the recording in milliseconds. */
    public long durationMillis;
    public String localParty = "";
    public String localEntryPoint = "";
    public String remoteParty = "";
    /** {@code in}, {@code out} or {@code unkn}. */
    public String direction = "unkn";
    public String localIp = "";
    public String remoteIp = "";
    /** The signalling's call id (SIP Call-ID). */
    public String nativeCallId = "";
    /** Which sides to keep: {@code both}, {@code local}, {@code remote} or {@code none}. */
    public String side = "both";
    /** Which recorded channel is the local party: {@code side1}, {@code side2}, {@code both} or {@code unknown}. */
    public String localSide = "unknown";
    public boolean onDemand;
    /** {@code A} for audio, {@code S} for screen. */
    public String mediaType = "A";
    /** The recorder host's name. */
    public String hostname = "";
    /** The recorder's service name. */
    public String service = "";
    /**
     * The audio file, relative to the recorder's {@code AudioOutputPath}, with {@code /} separators. Processors
     * that move or convert the file update it.
     */
    public String file = "";
    /** Static tags of the recording, in the order they arrived. */
    public Map<String, String> tags = new LinkedHashMap<>();
}
