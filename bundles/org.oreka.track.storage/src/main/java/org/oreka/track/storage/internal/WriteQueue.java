package org.oreka.track.storage.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

import javax.persistence.FlushModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.oreka.track.storage.TrackException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of recordings: runs {@link Write}s on one thread, many per transaction (a group commit), so
 * the database syncs its log once for many messages and writes to one tape never race. A write whose batch
 * fails is run again alone, so one bad message cannot fail the others.
 */
final class WriteQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WriteQueue.class);
    private static final int MAX_BATCH = 256;

    private final JpaTemplate jpa;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    private record Pending<T>(Write<T> write, CompletableFuture<T> future) {
    }

    private static final Pending<Void> POISON = new Pending<>((em, b) -> null, new CompletableFuture<>());

    WriteQueue(JpaTemplate jpa, String name) {
        this.jpa = jpa;
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a write; the future completes after its transaction commits. */
    <T> CompletableFuture<T> submit(Write<T> write) {
        CompletableFuture<T> future = new CompletableFuture<>();
        if (closed) {
            future.completeExceptionally(new TrackException("ERROR_SHUTTING_DOWN", "OrkTrack's storage is stopping"));
            return future;
        }
        queue.add(new Pending<>(write, future));
        return future;
    }

    /** Runs a write and waits for it. */
    <T> T run(Write<T> write) {
        try {
            return submit(write).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        closed = true;
        queue.add(POISON);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Pending<?> left; (left = queue.poll()) != null;) {
            left.future().completeExceptionally(new TrackException("ERROR_SHUTTING_DOWN", "OrkTrack's storage stopped"));
        }
    }

    private void run() {
        List<Pending<?>> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            boolean stop = batch.remove(POISON);
            if (!batch.isEmpty()) {
                if (!commit(batch)) {
                    for (Pending<?> one : batch) {
                        commit(List.of(one));
                    }
                }
            }
            batch.clear();
            if (stop) {
                return;
            }
        }
    }

    /** Runs the writes in one transaction; false when it rolled back (nothing completed). */
    private boolean commit(List<Pending<?>> writes) {
        WriteBatch shared = new WriteBatch();
        Object[] results = new Object[writes.size()];
        RuntimeException[] refusals = new RuntimeException[writes.size()];
        try {
            jpa.tx(TransactionType.Required, em -> {
                em.setFlushMode(FlushModeType.COMMIT);
                for (int i = 0; i < writes.size(); i++) {
                    try {
                        results[i] = writes.get(i).write().apply(em, shared);
                    } catch (TrackException e) {
                        refusals[i] = e;
                    }
                }
            });
        } catch (RuntimeException e) {
            List<Runnable> undo = shared.rolledBack();
            for (int i = undo.size() - 1; i >= 0; i--) {
                undo.get(i).run();
            }
            if (writes.size() == 1) {
                LOG.warn("A recording write failed and was not stored: {}", rootMessage(e));
                writes.get(0).future().completeExceptionally(new TrackException("ERROR_SAVING_TAPE",
                        "the database refused the change: " + rootMessage(e)));
                return true;
            }
            return false;
        }
        for (Runnable update : shared.committed()) {
            try {
                update.run();
            } catch (RuntimeException e) {
                LOG.error("Updating OrkTrack's live state after a commit failed", e);
            }
        }
        for (int i = 0; i < writes.size(); i++) {
            complete(writes.get(i), results[i], refusals[i]);
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Pending<T> pending, Object result, RuntimeException refusal) {
        if (refusal != null) {
            pending.future().completeExceptionally(refusal);
        } else {
            pending.future().complete((T) result);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
