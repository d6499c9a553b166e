package org.oreka.track.storage.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.TypedQuery;

import org.oreka.track.storage.Direction;
import org.oreka.track.storage.Segment;
import org.oreka.track.storage.SegmentQuery;
import org.oreka.track.storage.SegmentSearch;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Segment search in two indexed queries: the page's segment ids are read off the date, party or user index (each
 * holds the columns its searches filter and sort on, so matching segments are not fetched to be sorted), then
 * those rows are fetched with their recordings. A search for one recording's segments is a single query. The page
 * comes with one extra row to tell whether more follow (no count over millions of rows).
 */
@Component
public class SegmentSearchImpl implements SegmentSearch {

    private static final String COLUMNS = "SELECT s.id, s.timestamp, s.duration, s.localParty, s.remoteParty, s.direction,"
            + " s.userId, t.recid, t.filename, sv.name, s.tapeOffset FROM SegmentEntity s JOIN TapeEntity t ON t.id = s.tapeId"
            + " LEFT JOIN ServiceEntity sv ON sv.id = t.serviceId";

    private final Storage storage;

    @Activate
    public SegmentSearchImpl(@Reference Storage storage) {
        this.storage = storage;
    }

    @Override
    public Page search(SegmentQuery q) {
        if (!q.visibility().everything() && q.visibility().userIds().isEmpty()) {
            return new Page(List.of(), false);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(q, params);
        String order = order(q.sort());
        return storage.tx(em -> {
            List<Object[]> rows;
            if (q.orkuid() == null) {
                TypedQuery<Long> page = em.createQuery("SELECT s.id FROM SegmentEntity s" + where + order, Long.class);
                params.forEach(page::setParameter);
                List<Long> ids = page.setFirstResult(q.offset()).setMaxResults(q.limit() + 1).getResultList();
                rows = ids.isEmpty() ? List.of() : em.createQuery(COLUMNS + " WHERE s.id IN :ids" + order, Object[].class)
                        .setParameter("ids", ids).getResultList();
            } else {
                TypedQuery<Object[]> query = em.createQuery(COLUMNS + where + order, Object[].class);
                params.forEach(query::setParameter);
                rows = query.setFirstResult(q.offset()).setMaxResults(q.limit() + 1).getResultList();
            }
            List<Segment> segments = new ArrayList<>(Math.min(rows.size(), q.limit()));
            for (int i = 0; i < rows.size() && i < q.limit(); i++) {
                segments.add(segment(rows.get(i)));
            }
            return new Page(segments, rows.size() > q.limit());
        });
    }

    @Override
    public Optional<Segment> byId(long id) {
        return segments(COLUMNS + " WHERE s.id = :id", Map.of("id", id)).stream().findFirst();
    }

    @Override
    public List<Segment> ofFile(String filename) {
        return segments(COLUMNS + " WHERE t.filename = :filename ORDER BY s.tapeOffset, s.id", Map.of("filename", filename));
    }

    private List<Segment> segments(String jpql, Map<String, Object> params) {
        return storage.tx(em -> {
            TypedQuery<Object[]> query = em.createQuery(jpql, Object[].class);
            params.forEach(query::setParameter);
            return query.getResultList().stream().map(SegmentSearchImpl::segment).toList();
        });
    }

    private static Segment segment(Object[] r) {
        return new Segment((Long) r[0], (Instant) r[1], (Long) r[2], (String) r[3], (String) r[4],
                Direction.ofCode((Short) r[5]), (Long) r[6], (String) r[7], (String) r[8], (String) r[9], (Long) r[10]);
    }

    /** The query's criteria as a WHERE clause (empty without criteria), filling in their parameters. */
    private static String where(SegmentQuery q, Map<String, Object> params) {
        StringBuilder where = new StringBuilder();
        if (q.from() != null) {
            where.append(" AND s.timestamp >= :from");
            params.put("from", q.from());
        }
        if (q.to() != null) {
            where.append(" AND s.timestamp < :to");
            params.put("to", q.to());
        }
        if (!empty(q.localPartyPrefix())) {
            where.append(" AND s.localParty LIKE :local ESCAPE '!'");
            params.put("local", likePrefix(q.localPartyPrefix()));
        }
        if (!empty(q.remotePartyPrefix())) {
            where.append(" AND s.remoteParty LIKE :remote ESCAPE '!'");
            params.put("remote", likePrefix(q.remotePartyPrefix()));
        }
        if (q.minDurationSeconds() != null) {
            where.append(" AND s.duration >= :min");
            params.put("min", q.minDurationSeconds().longValue());
        }
        if (q.maxDurationSeconds() != null) {
            where.append(" AND s.duration <= :max");
            params.put("max", q.maxDurationSeconds().longValue());
        }
        if (q.direction() == Direction.IN || q.direction() == Direction.OUT || q.direction() == Direction.UNKN) {
            where.append(" AND s.direction = :direction");
            params.put("direction", q.direction().code());
        }
        if (q.userId() != null) {
            where.append(" AND s.userId = :user");
            params.put("user", q.userId());
        }
        if (q.groupId() != null) {
            where.append(" AND s.userId IN (SELECT m.userId FROM UserGroupEntity m WHERE m.groupId = :group)");
            params.put("group", q.groupId());
        }
        if (!empty(q.tagType())) {
            where.append(" AND s.tapeId IN (SELECT tg.tapeId FROM TagEntity tg, TagTypeEntity tt WHERE tg.tagTypeId = tt.id"
                    + " AND tt.name = :tagType");
            params.put("tagType", q.tagType());
            if (!empty(q.tagText())) {
                where.append(" AND tg.text LIKE :tagText ESCAPE '!'");
                params.put("tagText", likePrefix(q.tagText()));
            }
            where.append(")");
        }
        if (!q.visibility().everything()) {
            // The ids go into an IN list, which Derby and PostgreSQL probe on the user index (user_id, timestamp, id).
            where.append(" AND s.userId IN :visible");
            params.put("visible", q.visibility().userIds());
        }
        if (q.orkuid() != null) {
            where.append(" AND t.recid = :orkuid");
            params.put("orkuid", q.orkuid());
        }
        return where.length() == 0 ? "" : " WHERE" + where.substring(" AND".length());
    }

    private static String order(SegmentQuery.Sort sort) {
        switch (sort) {
            case OLDEST_FIRST:
                return " ORDER BY s.timestamp ASC, s.id ASC";
            case LONGEST_FIRST:
                return " ORDER BY s.duration DESC, s.timestamp DESC, s.id DESC";
            case SHORTEST_FIRST:
                return " ORDER BY s.duration ASC, s.timestamp DESC, s.id DESC";
            case LOCAL_PARTY:
                return " ORDER BY s.localParty ASC, s.timestamp DESC, s.id DESC";
            case LOCAL_PARTY_DESC:
                return " ORDER BY s.localParty DESC, s.timestamp DESC, s.id DESC";
            case REMOTE_PARTY:
                return " ORDER BY s.remoteParty ASC, s.timestamp DESC, s.id DESC";
            case REMOTE_PARTY_DESC:
                return " ORDER BY s.remoteParty DESC, s.timestamp DESC, s.id DESC";
            case DIRECTION:
                return " ORDER BY s.direction ASC, s.timestamp DESC, s.id DESC";
            case DIRECTION_DESC:
                return " ORDER BY s.direction DESC, s.timestamp DESC, s.id DESC";
            default:
                return " ORDER BY s.timestamp DESC, s.id DESC";
        }
    }

    private static boolean empty(String text) {
        return text == null || text.isEmpty();
    }

    private static String likePrefix(String prefix) {
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
