package org.oreka.track.storage.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.oreka.track.storage.LiveCall;
import org.oreka.track.storage.TagEntry;

/**
 * The calls being recorded now, by orkuid and by local party, and when each local party's last call ended. The
 * write queue's thread changes it after each commit; any thread reads it.
 */
final class LiveCallIndex {

    private final Map<String, LiveCall> byOrkuid = new ConcurrentHashMap<>();
    private final Map<String, List<String>> byLocalParty = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastEnd = new ConcurrentHashMap<>();

    void started(LiveCall call) {
        byOrkuid.put(call.orkuid(), call);
        if (call.localParty() != null) {
            byLocalParty.compute(call.localParty(), (party, calls) -> {
                List<String> updated = calls == null ? new ArrayList<>(1) : new ArrayList<>(calls);
                updated.remove(call.orkuid());
                updated.add(call.orkuid());
                return List.copyOf(updated);
            });
        }
    }

    /** Replaces a live call's details (parties, hold, tags, decision); nothing when it is not live. */
    void update(String orkuid, UnaryOperator<LiveCall> change) {
        LiveCall before = byOrkuid.get(orkuid);
        if (before == null) {
            return;
        }
        LiveCall after = change.apply(before);
        if (!java.util.Objects.equals(before.localParty(), after.localParty())) {
            stopped(orkuid, null);
            started(after);
        } else {
            byOrkuid.put(orkuid, after);
        }
    }

    /** The call ended; {@code at} (when known) becomes its local party's last call end. */
    void stopped(String orkuid, Instant at) {
        LiveCall call = byOrkuid.remove(orkuid);
        if (call == null || call.localParty() == null) {
            return;
        }
        byLocalParty.computeIfPresent(call.localParty(), (party, calls) -> {
            List<String> updated = new ArrayList<>(calls);
            updated.remove(orkuid);
            return updated.isEmpty() ? null : List.copyOf(updated);
        });
        if (at != null) {
            lastEnd.merge(call.localParty(), at, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    Optional<LiveCall> byOrkuid(String orkuid) {
        return Optional.ofNullable(orkuid == null ? null : byOrkuid.get(orkuid));
    }

    /** The most recent live call of a local party. */
    Optional<LiveCall> byLocalParty(String localParty) {
        List<String> calls = localParty == null ? null : byLocalParty.get(localParty);
        if (calls == null) {
            return Optional.empty();
        }
        for (int i = calls.size() - 1; i >= 0; i--) {
            LiveCall call = byOrkuid.get(calls.get(i));
            if (call != null) {
                return Optional.of(call);
            }
        }
        return Optional.empty();
    }

    List<LiveCall> all() {
        return byOrkuid.values().stream().sorted(Comparator.comparing(LiveCall::started)).toList();
    }

    Optional<Instant> lastEnd(String localParty) {
        return Optional.ofNullable(localParty == null ? null : lastEnd.get(localParty));
    }

    /** The call with its tags extended. */
    static LiveCall withTags(LiveCall c, List<TagEntry> added) {
        List<TagEntry> tags = new ArrayList<>(c.tags());
        tags.addAll(added);
        return new LiveCall(c.orkuid(), c.recorder(), c.localParty(), c.remoteParty(), c.direction(), c.side(), c.started(),
                c.paused(), c.onHold(), c.decision(), tags);
    }
}
