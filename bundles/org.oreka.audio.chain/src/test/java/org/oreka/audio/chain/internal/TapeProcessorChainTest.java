package org.oreka.audio.chain.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oreka.audio.chain.ChainedTape;
import org.oreka.sdk.tape.TapeDTO;
import org.oreka.sdk.tape.TapeProcessor;
import org.oreka.sdk.tape.TapeProcessor.Result;

class TapeProcessorChainTest {

    @TempDir
    Path state;

    @TempDir
    Path audio;

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private TapeProcessorChain chain;

    @AfterEach
    void stop() throws InterruptedException {
        if (chain != null) {
            chain.deactivate();
        }
    }

    @Test
    void runsProcessorsInConfiguredOrderCaseInsensitively() throws Exception {
        chain = start("first, SECOND");
        bind(chain, "Second", recording("second", Result.DONE));
        bind(chain, "first", recording("first", Result.DONE));
        chain.submit(tape("20261128_100000_AAAA"));
        await(() -> chain.pending().isEmpty());
        assertEquals(List.of("first:20261128_100000_AAAA", "second:20261128_100000_AAAA"), calls);
        assertEquals(0, Files.list(state.resolve("pending")).count(), "a finished tape leaves no state behind");
    }

    @Test
    void tapesWaitForAMissingProcessorAndFlowWhenItArrives() throws Exception {
        chain = start("First, Missing, Last");
        bind(chain, "First", recording("first", Result.DONE));
        bind(chain, "Last", recording("last", Result.DONE));
        for (int i = 0; i < 5; i++) {
            chain.submit(tape("20261128_10000" + i + "_AAAA"));
        }
        await(() -> chain.pending().stream().allMatch(t -> t.state().equals("waiting")));
        assertEquals(5, chain.pending().size());
        assertEquals("Missing", chain.pending().get(0).step());
        assertEquals(5, calls.size());

        bind(chain, "missing", recording("missing", Result.DONE));
        await(() -> chain.pending().isEmpty());
        assertEquals(15, calls.size());
        assertEquals(5, calls.stream().filter(c -> c.startsWith("last:")).count());
    }

    @Test
    void retriesUntilTheProcessorSucceeds() throws Exception {
        chain = start("Flaky");
        AtomicInteger attempts = new AtomicInteger();
        bind(chain, "Flaky", tape -> attempts.incrementAndGet() < 3 ? Result.RETRY_LATER : Result.DONE);
        chain.submit(tape("20261128_100000_BBBB"));
        await(() -> chain.pending().isEmpty());
        assertEquals(3, attempts.get());
    }

    @Test
    void aProcessorThatGivesUpTakesTheTapeOutUntilRetried() throws Exception {
        chain = start("Picky, After");
        AtomicInteger calls = new AtomicInteger();
        bind(chain, "Picky", tape -> calls.incrementAndGet() == 1 ? Result.GIVE_UP : Result.DONE);
        bind(chain, "After", recording("after", Result.DONE));
        chain.submit(tape("20261128_100000_CCCC"));
        await(() -> chain.failed().size() == 1);
        ChainedTape failed = chain.failed().get(0);
        assertEquals("Picky", failed.step());
        assertEquals("failed", failed.state());
        assertTrue(chain.pending().isEmpty());
        assertTrue(this.calls.isEmpty(), "later processors never see a tape that failed");

        assertTrue(chain.retry("20261128_100000_CCCC"));
        await(() -> chain.pending().isEmpty());
        assertEquals(List.of("after:20261128_100000_CCCC"), this.calls);
        assertTrue(chain.failed().isEmpty());
    }

    @Test
    void anExceptionCountsAsGiveUp() throws Exception {
        chain = start("Broken");
        bind(chain, "Broken", tape -> {
            throw new IllegalStateException("bug");
        });
        chain.submit(tape("20261128_100000_DDDD"));
        await(() -> chain.failed().size() == 1);
    }

    @Test
    void aRestartResumesEachTapeAtTheStepItReached() throws Exception {
        chain = start("One, Two");
        bind(chain, "One", recording("one", Result.DONE));
        chain.submit(tape("20261128_100000_EEEE"));
        await(() -> chain.pending().size() == 1 && chain.pending().get(0).state().equals("waiting"));
        chain.deactivate();

        chain = start("One, Two");
        bind(chain, "One", recording("one-again", Result.DONE));
        bind(chain, "Two", recording("two", Result.DONE));
        await(() -> chain.pending().isEmpty());
        assertEquals(List.of("one:20261128_100000_EEEE", "two:20261128_100000_EEEE"), calls);
    }

    @Test
    void processorChangesToTheTapeAreKept() throws Exception {
        chain = start("Rename, Check");
        bind(chain, "Rename", tape -> {
            tape.data().file = "2026/11/28/10/renamed.wav";
            tape.data().tags.put("renamed", "yes");
            return Result.DONE;
        });
        List<String> seen = new CopyOnWriteArrayList<>();
        bind(chain, "Check", tape -> {
            seen.add(tape.audioFile().toString() + " " + tape.data().tags);
            return Result.DONE;
        });
        chain.submit(tape("20261128_100000_FFFF"));
        await(() -> chain.pending().isEmpty());
        assertEquals(List.of(audio.resolve("2026/11/28/10/renamed.wav") + " {source=test, renamed=yes}"), seen);
    }

    @Test
    void editingTapeProcessorsReleasesWaitingTapes() throws Exception {
        chain = start("Absent, Present");
        bind(chain, "Present", recording("present", Result.DONE));
        chain.submit(tape("20261128_100000_GGGG"));
        await(() -> !chain.pending().isEmpty() && chain.pending().get(0).state().equals("waiting"));
        chain.modified(config("Present"));
        await(() -> chain.pending().isEmpty());
        assertEquals(List.of("present:20261128_100000_GGGG"), calls);
    }

    @Test
    void processorsCannotReachOutsideTheAudioRoot() {
        assertThrows(IllegalArgumentException.class, () -> ChainTape.confine(audio, "../../etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> ChainTape.confine(audio, "/etc/passwd"));
        assertEquals(audio.resolve("a/b.wav"), ChainTape.confine(audio, "a/./c/../b.wav"));
    }

    private TapeProcessorChain start(String order) throws Exception {
        TapeProcessorChain started = new TapeProcessorChain();
        started.activate(config(order), state);
        return started;
    }

    private static void bind(TapeProcessorChain chain, String name, TapeProcessor processor) {
        chain.bindProcessor(processor, Map.of(TapeProcessor.PROPERTY_NAME, name, "service.id", (long) name.hashCode()));
    }

    private TapeProcessor recording(String label, Result result) {
        return tape -> {
            calls.add(label + ":" + tape.data().orkuid);
            return result;
        };
    }

    private static TapeDTO tape(String orkuid) {
        TapeDTO tape = new TapeDTO();
        tape.orkuid = orkuid;
        tape.file = "2026/11/28/10/" + orkuid + ".wav";
        tape.tags.put("source", "test");
        return tape;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }

    private TapeProcessorChain.Config config(String order) {
        String root = audio.toString();
        return new TapeProcessorChain.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return TapeProcessorChain.Config.class;
            }

            @Override
            public String TapeProcessors() {
                return order;
            }

            @Override
            public String AudioOutputPath() {
                return root;
            }

            @Override
            public int TapeChainThreads() {
                return 2;
            }

            @Override
            public int TapeChainRetryDelaySec() {
                return 0;
            }
        };
    }
}
