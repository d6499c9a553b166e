package org.oreka.audio.chain.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.oreka.audio.chain.ChainedTape;
import org.oreka.audio.chain.TapeProperties;
import org.oreka.audio.chain.TapeChain;
import org.oreka.sdk.tape.TapeDTO;
import org.oreka.sdk.tape.TapeProcessor;
import org.oreka.sdk.tape.TapeProcessor.Result;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tape-processor chain: sends each finished tape through the {@link TapeProcessor} services named by
 * {@code TapeProcessors}, saving its progress on disk after every step. Processors come and go as bundles are
 * installed or removed; tapes whose next processor is missing wait for it.
 */
@Component(service = TapeChain.class, configurationPid = TapeProcessorChain.PID)
public class TapeProcessorChain implements TapeChain {

    static final String PID = "org.oreka.audio";

    private static final Logger LOG = LoggerFactory.getLogger(TapeProcessorChain.class);
    private static final long MAX_RETRY_DELAY_MS = 60_000;

    @ObjectClassDefinition(name = "Oreka tape-processor chain")
    public @interface Config {
        @AttributeDefinition(description = "Processors every finished tape goes through, in order (names are case-insensitive)")
        String TapeProcessors() default "BatchProcessing, Reporting";

        @AttributeDefinition(description = "Root folder of the recordings; empty means ${karaf.data}/audio")
        String AudioOutputPath() default "";

        @AttributeDefinition(description = "Worker threads of the chain")
        int TapeChainThreads() default 2;

        @AttributeDefinition(description = "First delay before a processor that asked to retry is called again, in seconds (doubles up to 60)")
        int TapeChainRetryDelaySec() default 2;
    }

    private record Ranked(TapeProcessor processor, int ranking, long serviceId) {
    }

    private final Map<String, List<Ranked>> processors = new ConcurrentHashMap<>();
    private final Map<String, ChainEntry> pending = new ConcurrentHashMap<>();
    private final Map<String, Set<ChainEntry>> waiting = new ConcurrentHashMap<>();
    private final Set<String> warnedMissing = ConcurrentHashMap.newKeySet();
    private final ScheduledThreadPoolExecutor executor;
    private ChainStore store;
    private volatile List<String> order = List.of();
    private volatile Path audioRoot;
    private volatile long retryDelayMs;
    private volatile boolean closed;

    public TapeProcessorChain() {
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "tape-chain-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Activate
    void activate(Config config) throws IOException {
        activate(config, Paths.get(System.getProperty("karaf.data", "data"), "oreka", "chain"));
    }

    /** Starts the chain with its state under {@code stateDirectory}, resuming the tapes saved there. */
    void activate(Config config, Path stateDirectory) throws IOException {
        store = new ChainStore(stateDirectory);
        modified(config);
        List<ChainEntry> saved = store.loadPending();
        for (ChainEntry entry : saved) {
            pending.put(entry.orkuid(), entry);
        }
        if (!saved.isEmpty()) {
            LOG.info("Resuming {} tapes left in the chain", saved.size());
        }
        saved.forEach(this::advance);
    }

    @Modified
    void modified(Config config) {
        List<String> newOrder = TapeProperties.csv(config.TapeProcessors());
        boolean orderChanged = !newOrder.equals(order);
        order = List.copyOf(newOrder);
        audioRoot = config.AudioOutputPath().isBlank()
                ? Paths.get(System.getProperty("karaf.data", "data"), "audio").toAbsolutePath()
                : Paths.get(config.AudioOutputPath()).toAbsolutePath();
        retryDelayMs = Math.max(1, config.TapeChainRetryDelaySec()) * 1000L;
        executor.setCorePoolSize(Math.max(1, config.TapeChainThreads()));
        if (orderChanged) {
            LOG.info("TapeProcessors: {}", String.join(", ", order));
            warnedMissing.clear();
            releaseWaiting(null);
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        closed = true;
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindProcessor(TapeProcessor processor, Map<String, Object> properties) {
        String name = processorName(properties);
        if (name.isEmpty()) {
            LOG.warn("Ignoring a TapeProcessor service without {}", TapeProcessor.PROPERTY_NAME);
            return;
        }
        List<Ranked> list = processors.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>());
        list.add(new Ranked(processor, ranking(properties), (Long) properties.getOrDefault("service.id", 0L)));
        list.sort(Comparator.comparingInt(Ranked::ranking).reversed().thenComparingLong(Ranked::serviceId));
        LOG.info("Tape processor '{}' available", properties.get(TapeProcessor.PROPERTY_NAME));
        releaseWaiting(name);
    }

    void unbindProcessor(TapeProcessor processor, Map<String, Object> properties) {
        List<Ranked> list = processors.get(processorName(properties));
        if (list != null) {
            list.removeIf(r -> r.processor() == processor);
        }
        LOG.info("Tape processor '{}' gone; its tapes wait for it", properties.get(TapeProcessor.PROPERTY_NAME));
    }

    @Override
    public void submit(TapeDTO tape) throws IOException {
        ChainEntry entry = new ChainEntry(TapeProperties.copy(tape), System.currentTimeMillis(), List.of());
        store.savePending(entry);
        if (pending.putIfAbsent(entry.orkuid(), entry) != null) {
            LOG.warn("Tape {} is already in the chain; the new submission replaces its saved state only", entry.orkuid());
            return;
        }
        advance(entry);
    }

    @Override
    public Path audioRoot() {
        return audioRoot;
    }

    @Override
    public List<String> processorNames() {
        return order;
    }

    @Override
    public boolean isAvailable(String processorName) {
        return processor(processorName) != null;
    }

    @Override
    public List<ChainedTape> pending() {
        return snapshots(pending.values());
    }

    @Override
    public List<ChainedTape> failed() {
        List<ChainEntry> failed = store.loadFailed();
        failed.forEach(entry -> entry.state = "failed");
        return snapshots(failed);
    }

    @Override
    public boolean retry(String orkuid) throws IOException {
        for (ChainEntry entry : store.loadFailed()) {
            if (entry.orkuid().equals(orkuid)) {
                entry.failedAt = null;
                entry.attempts = 0;
                store.savePending(entry);
                store.removeFailed(orkuid);
                pending.put(orkuid, entry);
                advance(entry);
                return true;
            }
        }
        return false;
    }

    private static List<ChainedTape> snapshots(Collection<ChainEntry> entries) {
        List<ChainedTape> list = new ArrayList<>();
        for (ChainEntry entry : entries) {
            list.add(entry.snapshot());
        }
        list.sort(Comparator.comparingLong(ChainedTape::submittedMillis));
        return list;
    }

    /** Sends the tape to its next processor, or parks it until that processor exists. */
    private void advance(ChainEntry entry) {
        if (closed) {
            return;
        }
        String next = entry.nextProcessor(order);
        if (next == null) {
            finish(entry);
            return;
        }
        entry.step = next;
        String key = next.toLowerCase(Locale.ROOT);
        if (processor(key) == null) {
            entry.state = "waiting";
            waiting.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(entry);
            if (warnedMissing.add(key)) {
                LOG.warn("TapeProcessors names '{}' but no such processor is installed; tapes wait for it", next);
            }
            // The processor may have arrived between the check and the parking.
            if (processor(key) != null && waiting.get(key).remove(entry)) {
                advance(entry);
            }
            return;
        }
        entry.state = "queued";
        executor.execute(() -> run(entry, key));
    }

    private void run(ChainEntry entry, String name) {
        TapeProcessor processor = processor(name);
        if (processor == null || closed) {
            advance(entry);
            return;
        }
        entry.state = "running";
        Result result;
        try {
            result = processor.process(new ChainTape(entry, audioRoot));
        } catch (RuntimeException | LinkageError e) {
            if (processor(name) != processor) {
                // The processor went away during the call (bundle update): the tape waits for it, not fails.
                advance(entry);
                return;
            }
            LOG.error("Tape processor '{}' failed on tape {}", entry.step, entry.orkuid(), e);
            result = Result.GIVE_UP;
        }
        if (closed) {
            return;
        }
        try {
            switch (result == null ? Result.GIVE_UP : result) {
                case DONE:
                    synchronized (entry) {
                        entry.completed.add(name);
                        entry.attempts = 0;
                    }
                    store.savePending(entry);
                    advance(entry);
                    break;
                case RETRY_LATER:
                    synchronized (entry) {
                        entry.attempts++;
                    }
                    store.savePending(entry);
                    entry.state = "retrying";
                    long delay = Math.min(MAX_RETRY_DELAY_MS, retryDelayMs << Math.min(entry.attempts - 1, 10));
                    executor.schedule(() -> advance(entry), delay, TimeUnit.MILLISECONDS);
                    break;
                default:
                    synchronized (entry) {
                        entry.failedAt = entry.step;
                    }
                    entry.state = "failed";
                    store.moveToFailed(entry);
                    pending.remove(entry.orkuid());
                    LOG.warn("Tape {} left the chain: processor '{}' gave up on it", entry.orkuid(), entry.step);
            }
        } catch (IOException e) {
            LOG.error("Cannot save the chain state of tape {}; it stays at its last saved step: {}", entry.orkuid(), e.toString());
        }
    }

    private void finish(ChainEntry entry) {
        try {
            store.removePending(entry);
        } catch (IOException e) {
            LOG.error("Cannot remove the finished chain entry of tape {}: {}", entry.orkuid(), e.toString());
        }
        pending.remove(entry.orkuid());
        entry.state = "done";
    }

    /** Re-examines parked tapes: those waiting for {@code name}, or all when {@code name} is null. */
    private void releaseWaiting(String name) {
        List<ChainEntry> released = new ArrayList<>();
        if (name == null) {
            waiting.values().forEach(set -> {
                released.addAll(set);
                set.clear();
            });
        } else {
            Set<ChainEntry> set = waiting.get(name);
            if (set != null) {
                released.addAll(set);
                set.removeAll(released);
            }
        }
        released.sort(Comparator.comparingLong(e -> e.submittedMillis));
        released.forEach(this::advance);
    }

    private TapeProcessor processor(String name) {
        List<Ranked> list = processors.get(name.toLowerCase(Locale.ROOT));
        if (list == null || list.isEmpty()) {
            return null;
        }
        try {
            return list.get(0).processor();
        } catch (IndexOutOfBoundsException e) {
            return null; // removed concurrently
        }
    }

    private static String processorName(Map<String, Object> properties) {
        Object name = properties.get(TapeProcessor.PROPERTY_NAME);
        return name == null ? "" : name.toString().trim().toLowerCase(Locale.ROOT);
    }

    private static int ranking(Map<String, Object> properties) {
        Object ranking = properties.get("service.ranking");
        return ranking instanceof Integer ? (Integer) ranking : 0;
    }
}
