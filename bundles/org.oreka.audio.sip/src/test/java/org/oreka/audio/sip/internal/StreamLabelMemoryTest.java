package org.oreka.audio.sip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.oreka.audio.sip.internal.StreamLabelMemory.NamedStream;
import org.oreka.sdk.call.Party;

/** Stream labels and senders carried from one SDP of a call to the next. */
class StreamLabelMemoryTest {

    private static final Party ALICE = new Party("alice", "Alice");
    private static final Party BOB = new Party("bob", "Bob");
    private static final NamedStream NONE = NamedStream.NONE;

    private final StreamLabelMemory memory = new StreamLabelMemory(3, 1_000_000);

    @Test
    void anAnswerWithoutLabelsGetsThemByIndex() {
        memory.complete("c1", List.of(new NamedStream("1", ALICE), new NamedStream("2", BOB)), 0);
        assertEquals(List.of(new NamedStream("1", ALICE), new NamedStream("2", BOB)),
                memory.complete("c1", List.of(NONE, NONE), 10));
    }

    @Test
    void anAnswerWithLabelsGetsSendersByLabel() {
        memory.complete("c1", List.of(new NamedStream("1", ALICE), new NamedStream("2", BOB)), 0);
        assertEquals(List.of(new NamedStream("2", BOB), new NamedStream("1", ALICE), NONE),
                memory.complete("c1", List.of(new NamedStream("2", Party.UNKNOWN),
                        new NamedStream("1", Party.UNKNOWN), NONE), 10));
        assertEquals(List.of(new NamedStream("3", Party.UNKNOWN)),
                memory.complete("c1", List.of(new NamedStream("3", Party.UNKNOWN)), 20),
                "an unknown label does not borrow the sender of its index");
    }

    @Test
    void otherCallsAndUnnamedStreamsAreNotAffected() {
        memory.complete("c1", List.of(new NamedStream("1", ALICE)), 0);
        assertEquals(List.of(NONE), memory.complete("c2", List.of(NONE), 0));
        assertEquals(1, memory.size(), "a call whose streams carry no names is not remembered");
    }

    @Test
    void forgetsAfterTheTimeToLiveAndBeyondItsSize() {
        memory.complete("old", List.of(new NamedStream("1", ALICE)), 0);
        assertEquals(List.of(NONE), memory.complete("old", List.of(NONE), 1_000_001));
        for (int i = 0; i < 10; i++) {
            memory.complete("call" + i, List.of(new NamedStream("1", ALICE)), 2_000_000);
        }
        assertEquals(3, memory.size());
        assertEquals(List.of(NONE), memory.complete("call0", List.of(NONE), 2_000_000));
        assertEquals(List.of(new NamedStream("1", ALICE)), memory.complete("call9", List.of(NONE), 2_000_000));
    }
}
