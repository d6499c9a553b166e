package org.oreka.track.storage.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.TypedQuery;

import org.oreka.track.storage.Direction;
import org.oreka.track.storage.Segment;
import org.oreka.track.storage.SegmentQuery;
import org.oreka.track.storage.SegmentSearch;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Segment search as one indexed query: the date range and party prefixes use the {@code orksegment} indexes, the
 * page is fetched with one extra row to tell whether more follow (no count over millions of rows).
 */
@Component
public class SegmentSearchImpl implements SegmentSearch {

    private final Storage storage;

    @Activate
    public SegmentSearchImpl(@Reference Storage storage) {
        this.storage = storage;
    }

    @Override
    public Page search(SegmentQuery q) {
        StringBuilder jpql = new StringBuilder("SELECT s.id, s.timestamp, s.duration, s.localParty, s.remoteParty, s.direction,"
                + " s.userId, t.recid, t.filename, sv.name, s.tapeOffset FROM SegmentEntity s JOIN TapeEntity t ON t.id = s.tapeId"
                + " LEFT JOIN ServiceEntity sv ON sv.id = t.serviceId WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (q.from() != null) {
            jpql.append(" AND s.timestamp >= :from");
            params.put("from", q.from());
        }
        if (q.to() != null) {
            jpql.append(" AND s.timestamp < :to");
            params.put("to", q.to());
        }
        if (q.localPartyPrefix() != null && !q.localPartyPrefix().isEmpty()) {
            jpql.append(" AND s.localParty LIKE :local ESCAPE '!'");
            params.put("local", likePrefix(q.localPartyPrefix()));
        }
        if (q.remotePartyPrefix() != null && !q.remotePartyPrefix().isEmpty()) {
            jpql.append(" AND s.remoteParty LIKE :remote ESCAPE '!'");
            params.put("remote", likePrefix(q.remotePartyPrefix()));
        }
        if (q.minDurationSeconds() != null) {
            jpql.append(" AND s.duration >= :min");
            params.put("min", q.minDurationSeconds().longValue());
        }
        if (q.maxDurationSeconds() != null) {
            jpql.append(" AND s.duration <= :max");
            params.put("max", q.maxDurationSeconds().longValue());
        }
        if (q.direction() == Direction.IN || q.direction() == Direction.OUT || q.direction() == Direction.UNKN) {
            jpql.append(" AND s.direction = :direction");
            params.put("direction", q.direction().code());
        }
        if (q.userId() != null) {
            jpql.append(" AND s.userId = :user");
            params.put("user", q.userId());
        }
        if (q.orkuid() != null) {
            jpql.append(" AND t.recid = :orkuid");
            params.put("orkuid", q.orkuid());
        }
        switch (q.sort()) {
            case OLDEST_FIRST:
                jpql.append(" ORDER BY s.timestamp ASC, s.id ASC");
                break;
            case LONGEST_FIRST:
                jpql.append(" ORDER BY s.duration DESC, s.timestamp DESC, s.id DESC");
                break;
            case SHORTEST_FIRST:
                jpql.append(" ORDER BY s.duration ASC, s.timestamp DESC, s.id DESC");
                break;
            default:
                jpql.append(" ORDER BY s.timestamp DESC, s.id DESC");
        }
        return storage.tx(em -> {
            TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class);
            params.forEach(query::setParameter);
            List<Object[]> rows = query.setFirstResult(q.offset()).setMaxResults(q.limit() + 1).getResultList();
            List<Segment> segments = new ArrayList<>(Math.min(rows.size(), q.limit()));
            for (int i = 0; i < rows.size() && i < q.limit(); i++) {
                Object[] r = rows.get(i);
                segments.add(new Segment((Long) r[0], (Instant) r[1], (Long) r[2], (String) r[3], (String) r[4],
                        Direction.ofCode((Short) r[5]), (Long) r[6], (String) r[7], (String) r[8], (String) r[9], (Long) r[10]));
            }
            return new Page(segments, rows.size() > q.limit());
        });
    }

    private static String likePrefix(String prefix) {
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
