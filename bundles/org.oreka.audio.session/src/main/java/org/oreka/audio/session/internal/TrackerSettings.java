package org.oreka.audio.session.internal;

import java.nio.file.Path;

/**
 * The tracker's configuration in the form it uses on every packet, built once per configuration change.
 *
 * @param blockedPayloadTypes indexed by payload type (0-127): whether to ignore it
 * @param lookBack whether calls keep their audio from the start (LookBackRecording), or only after a record command
 * @param rawRtpWithoutLookBack whether RTP without signalling is followed when {@code lookBack} is off
 */
record TrackerSettings(PartyRules partyRules, LocalPartyMap partyMap, Path audioRoot, Path stateDirectory,
        String hostname, String serviceName, int udpMinPort, boolean rtpOnOddPorts, boolean[] blockedPayloadTypes,
        int rawRtpPacketsBeforeStart, boolean discardUnidirectionalCalls, boolean reportDtmf, long rawTimeoutMicros,
        long signalledTimeoutMicros, long initialTimeoutMicros, long holdTimeoutMicros, long minimumTapeMillis,
        int journalBatchBytes, boolean reassembleFragments, boolean lookBack, boolean rawRtpWithoutLookBack) {
}
