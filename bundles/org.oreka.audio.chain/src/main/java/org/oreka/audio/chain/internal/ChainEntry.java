package org.oreka.audio.chain.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.oreka.audio.chain.ChainedTape;
import org.oreka.audio.chain.TapeProperties;
import org.oreka.sdk.tape.TapeDTO;

/** One tape's journey through the chain: its description and the processors it has been through. */
final class ChainEntry {
    final TapeDTO tape;
    final long submittedMillis;
    /** Lower-case names of the processors that finished with this tape. */
    final List<String> completed;
    int attempts;
    /** The processor that gave up, or null. */
    String failedAt;
    volatile String state = "queued";
    volatile String step = "";

    ChainEntry(TapeDTO tape, long submittedMillis, List<String> completed) {
        this.tape = tape;
        this.submittedMillis = submittedMillis;
        this.completed = new ArrayList<>(completed);
    }

    /** The first processor of {@code order} this tape has not been through, or null when it is done. */
    String nextProcessor(List<String> order) {
        for (String name : order) {
            if (!completed.contains(name.toLowerCase(Locale.ROOT))) {
                return name;
            }
        }
        return null;
    }

    String orkuid() {
        return tape.orkuid;
    }

    synchronized ChainedTape snapshot() {
        return new ChainedTape(TapeProperties.copy(tape), failedAt != null ? failedAt : step, state, attempts,
                submittedMillis);
    }
}
