package org.oreka.sdk.codec;

import java.util.Locale;
import java.util.Map;

/**
 * An RTP payload type as a call's signalling described it: the encoding name and RTP clock rate from the
 * rtpmap, or the static assignment of RFC 3551 for payload types below 96.
 *
 * @param name the encoding name in upper case ({@code PCMU}, {@code G722}, {@code OPUS}), or an empty string when unknown
 * @param clockRate the RTP clock rate
 */
public record PayloadFormat(String name, int clockRate) {

    private static final Map<Integer, String> STATIC = Map.ofEntries(Map.entry(0, "PCMU"), Map.entry(3, "GSM"),
            Map.entry(4, "G723"), Map.entry(5, "DVI4"), Map.entry(7, "LPC"), Map.entry(8, "PCMA"), Map.entry(9, "G722"),
            Map.entry(10, "L16"), Map.entry(11, "L16"), Map.entry(12, "QCELP"), Map.entry(13, "CN"),
            Map.entry(15, "G728"), Map.entry(18, "G729"));

    /**
     * The format of a payload type.
     *
     * @param rtpmap the tape's rtpmap text for that type ({@code opus/48000/2} or {@code PCMU}), or null
     */
    public static PayloadFormat of(int payloadType, String rtpmap) {
        if (rtpmap != null && !rtpmap.isBlank()) {
            String[] parts = rtpmap.strip().split("/");
            int clock = 8000;
            if (parts.length > 1) {
                try {
                    clock = Integer.parseInt(parts[1].strip());
                } catch (NumberFormatException e) {
                    clock = 8000;
                }
            }
            return new PayloadFormat(parts[0].strip().toUpperCase(Locale.ROOT), clock > 0 ? clock : 8000);
        }
        String name = STATIC.getOrDefault(payloadType, "");
        int clock = payloadType == 10 || payloadType == 11 ? 44100 : 8000;
        return new PayloadFormat(name, clock);
    }
}
