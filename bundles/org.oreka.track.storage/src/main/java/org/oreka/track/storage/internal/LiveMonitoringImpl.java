package org.oreka.track.storage.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.oreka.track.storage.LiveCall;
import org.oreka.track.storage.LiveDecision;
import org.oreka.track.storage.LiveMonitoring;
import org.oreka.track.storage.Recorder;
import org.oreka.track.storage.TrackException;
import org.oreka.track.storage.UserLiveStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Live Monitoring over the live call index: which call each user is in, and the keep/discard decisions. A user's
 * calls are those of its login strings and of the devices its agent login strings are logged in at.
 */
@Component
public class LiveMonitoringImpl implements LiveMonitoring {

    private final Storage storage;
    private final DirectoryCache directory;
    private final RecordingStore recordings;
    private final AgentTrackingImpl agents;
    private final RecordersImpl recorders;

    @Activate
    public LiveMonitoringImpl(@Reference Storage storage, @Reference DirectoryCache directory, @Reference RecordingStore recordings,
            @Reference AgentTrackingImpl agents, @Reference RecordersImpl recorders) {
        this.storage = storage;
        this.directory = directory;
        this.recordings = recordings;
        this.agents = agents;
        this.recorders = recorders;
    }

    @Override
    public List<UserLiveStatus> statuses(List<String> users, boolean withDiskUsage) {
        Directory dir = directory.get();
        Instant now = Instant.now();
        List<UserLiveStatus> statuses = new ArrayList<>(users.size());
        for (String requested : users) {
            String key = requested.trim();
            Long userId = dir.userOf(key);
            List<String> parties;
            if (userId != null) {
                parties = parties(dir, userId, key);
            } else if (key.matches("\\d{1,18}") && dir.users().containsKey(Long.parseLong(key))) {
                userId = Long.parseLong(key);
                parties = parties(dir, userId, null);
            } else {
                parties = List.of(key);
            }
            Optional<LiveCall> call = parties.stream().map(recordings::byLocalParty).flatMap(Optional::stream)
                    .max(Comparator.comparing(LiveCall::started));
            Long disk = withDiskUsage && userId != null ? diskUsageKb(userId) : null;
            if (call.isPresent()) {
                LiveCall c = call.get();
                Recorder recorder = c.recorder() == null ? null : recorders.byName(c.recorder()).orElse(null);
                statuses.add(new UserLiveStatus(requested, c.localParty(), c, recorder, c.decision(),
                        elapsed(c.started(), now), disk));
            } else {
                Instant lastEnd = parties.stream().map(recordings::lastCallEnd).flatMap(Optional::stream)
                        .max(Comparator.naturalOrder()).orElse(null);
                long elapsed = lastEnd == null ? OVER_A_DAY : Math.min(OVER_A_DAY, elapsed(lastEnd, now));
                LiveDecision next = userId == null ? LiveDecision.NEITHER : recordings.nextCallDecision(userId);
                statuses.add(new UserLiveStatus(requested, parties.isEmpty() ? key : parties.get(0), null, null, next,
                        elapsed, disk));
            }
        }
        return statuses;
    }

    @Override
    public String decide(long userId, LiveDecision decision, Long elapsedSeconds) {
        Directory dir = directory.get();
        if (!dir.users().containsKey(userId)) {
            throw new TrackException("ERROR_NO_USER_FOUND", "no user has id " + userId);
        }
        return recordings.decide(userId, parties(dir, userId, null), decision, elapsedSeconds);
    }

    /** The local parties whose calls are a user's, the requested login string first. */
    private List<String> parties(Directory dir, long userId, String first) {
        Set<String> parties = new LinkedHashSet<>();
        if (first != null) {
            parties.add(first);
        }
        for (String loginString : dir.loginStringsOf(userId)) {
            parties.add(loginString);
            agents.ofAgent(loginString).map(a -> a.device()).ifPresent(device -> parties.add(device));
        }
        return List.copyOf(parties);
    }

    private static long elapsed(Instant since, Instant now) {
        return Math.max(0, Duration.between(since, now).getSeconds());
    }

    /** The size of the user's kept recordings on disk, in kB, or null when their sizes are not known. */
    private Long diskUsageKb(long userId) {
        return storage.tx(em -> {
            Object[] row = em.createQuery("SELECT COUNT(t), COUNT(t.fileSize), SUM(t.fileSize) FROM TapeEntity t"
                    + " WHERE t.kept = TRUE AND t.id IN (SELECT s.tapeId FROM SegmentEntity s WHERE s.userId = :user)",
                    Object[].class).setParameter("user", userId).getSingleResult();
            long tapes = ((Number) row[0]).longValue();
            long sized = ((Number) row[1]).longValue();
            if (tapes > sized) {
                return null;
            }
            return row[2] == null ? 0L : ((Number) row[2]).longValue() / 1024;
        });
    }
}
