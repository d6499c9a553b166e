package org.oreka.audio.sip.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what the SIP decoder saw and every problem it tolerated: malformed input is normal on a span port, so
 * it is counted rather than thrown or logged per packet.
 */
final class SipStatistics {

    final LongAdder messages = new LongAdder();
    final LongAdder missingCallId = new LongAdder();
    final LongAdder invalidContentLength = new LongAdder();
    final LongAdder invalidMetadata = new LongAdder();
    final LongAdder invalidDtmf = new LongAdder();
    final LongAdder unresolvedMediaAddress = new LongAdder();
    final LongAdder tcpRetransmissions = new LongAdder();
    final LongAdder tcpGaps = new LongAdder();
    final LongAdder tcpJunkLines = new LongAdder();
    final LongAdder tcpOversized = new LongAdder();
    final LongAdder tcpExpiredStreams = new LongAdder();
    final LongAdder tcpStreamLimit = new LongAdder();
    final LongAdder internalErrors = new LongAdder();

    /** The counters by name, for logs, tests and diagnostics. */
    Map<String, Long> snapshot() {
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("messages", messages.sum());
        counters.put("missingCallId", missingCallId.sum());
        counters.put("invalidContentLength", invalidContentLength.sum());
        counters.put("invalidMetadata", invalidMetadata.sum());
        counters.put("invalidDtmf", invalidDtmf.sum());
        counters.put("unresolvedMediaAddress", unresolvedMediaAddress.sum());
        counters.put("tcpRetransmissions", tcpRetransmissions.sum());
        counters.put("tcpGaps", tcpGaps.sum());
        counters.put("tcpJunkLines", tcpJunkLines.sum());
        counters.put("tcpOversized", tcpOversized.sum());
        counters.put("tcpExpiredStreams", tcpExpiredStreams.sum());
        counters.put("tcpStreamLimit", tcpStreamLimit.sum());
        counters.put("internalErrors", internalErrors.sum());
        return counters;
    }
}
