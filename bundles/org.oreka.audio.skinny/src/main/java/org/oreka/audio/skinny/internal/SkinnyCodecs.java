package org.oreka.audio.skinny.internal;

import java.util.Map;

/**
 * Maps SCCP compression types (the {@code Media_PayloadType} values of OpenReceiveChannel and
 * StartMediaTransmission) to the static RTP payload type and encoding name the phones send them with.
 */
final class SkinnyCodecs {

    /**
     * Only codecs with a static RTP payload type are listed: the others (Cisco wideband, iLBC, iSAC, G.722.1,
     * ...) travel with a dynamic payload type that SCCP does not state, so the recorder has to recognise them
     * from the RTP itself.
     */
    private static final Map<Long, Map<Integer, String>> STATIC_PAYLOADS = Map.ofEntries(
            Map.entry(2L, Map.of(8, "PCMA")),      // G.711 A-law 64k
            Map.entry(3L, Map.of(8, "PCMA")),      // G.711 A-law 56k
            Map.entry(4L, Map.of(0, "PCMU")),      // G.711 mu-law 64k
            Map.entry(5L, Map.of(0, "PCMU")),      // G.711 mu-law 56k
            Map.entry(6L, Map.of(9, "G722")),      // G.722 64k
            Map.entry(7L, Map.of(9, "G722")),      // G.722 56k
            Map.entry(8L, Map.of(9, "G722")),      // G.722 48k
            Map.entry(9L, Map.of(4, "G723")),      // G.723.1
            Map.entry(10L, Map.of(15, "G728")),    // G.728
            Map.entry(11L, Map.of(18, "G729")),    // G.729
            Map.entry(12L, Map.of(18, "G729")),    // G.729 Annex A
            Map.entry(15L, Map.of(18, "G729")),    // G.729 Annex B
            Map.entry(16L, Map.of(18, "G729")),    // G.729 Annexes A and B
            Map.entry(18L, Map.of(3, "GSM")));     // GSM full rate

    private SkinnyCodecs() {
    }

    /** The payload type map of a stream with this compression type; empty when it has no static type. */
    static Map<Integer, String> payloadTypes(long compressionType) {
        return STATIC_PAYLOADS.getOrDefault(compressionType, Map.of());
    }
}
