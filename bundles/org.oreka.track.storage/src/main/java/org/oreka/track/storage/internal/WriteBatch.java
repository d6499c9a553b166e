package org.oreka.track.storage.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.oreka.track.storage.internal.entity.TapeEntity;

/**
 * What the writes of one group commit share: the tapes they touched (so a later write in the batch finds a tape
 * an earlier one inserted without flushing), and the in-memory updates to run once the batch is committed or to
 * undo if it rolls back.
 */
final class WriteBatch {

    private final Map<String, TapeEntity> tapes = new HashMap<>();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final List<Runnable> onRollback = new ArrayList<>();
    private final Map<String, Long> tagTypes = new HashMap<>();

    /** A tape this batch already loaded or inserted, by recid. */
    TapeEntity tape(String recid) {
        return tapes.get(recid);
    }

    void remember(TapeEntity tape) {
        tapes.put(tape.recid, tape);
    }

    /** Runs {@code update} once the batch is durable; dropped if the batch rolls back. */
    void afterCommit(Runnable update) {
        afterCommit.add(update);
    }

    /** Runs {@code undo} if the batch rolls back: for in-memory state a write changed before commit. */
    void onRollback(Runnable undo) {
        onRollback.add(undo);
    }

    /** Tag types this batch created, by name, until the batch is committed. */
    Map<String, Long> newTagTypes() {
        return tagTypes;
    }

    List<Runnable> committed() {
        return afterCommit;
    }

    List<Runnable> rolledBack() {
        return onRollback;
    }
}
