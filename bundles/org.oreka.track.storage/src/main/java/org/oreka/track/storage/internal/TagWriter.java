package org.oreka.track.storage.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.persistence.EntityManager;

import org.oreka.track.storage.TagEntry;
import org.oreka.track.storage.Tags.TagType;
import org.oreka.track.storage.TrackException;
import org.oreka.track.storage.internal.entity.PendingTagEntity;
import org.oreka.track.storage.internal.entity.TagEntity;
import org.oreka.track.storage.internal.entity.TagTypeEntity;
import org.oreka.track.storage.internal.entity.TapeEntity;

/**
 * Writes tags on tapes inside a write: creates new tag types, skips a tag the tape already has (so a repeated
 * message adds nothing), and passes on the tags waiting for recordings that get a given tag.
 */
final class TagWriter {

    /** Tag type ids by name, as committed; the write queue's thread is the only writer. */
    private final Map<String, Long> typeIds = new ConcurrentHashMap<>();

    /**
     * Adds tags to a tape, and the pending tags they trigger.
     *
     * @return the tags actually added
     */
    List<TagEntry> add(EntityManager em, WriteBatch batch, TapeEntity tape, List<TagEntry> tags) {
        List<TagEntry> added = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<TagEntry> todo = new ArrayList<>(tags);
        for (int i = 0; i < todo.size(); i++) {
            TagEntry tag = todo.get(i);
            if (!seen.add(tag.type() + '\u0000' + tag.text() + '\u0000' + tag.offsetMillis())) {
                continue;
            }
            long typeId = typeId(em, batch, tag.type());
            if (has(em, tape, typeId, tag)) {
                continue;
            }
            TagEntity row = new TagEntity();
            row.tagTypeId = typeId;
            row.text = tag.text();
            row.tapeId = tape.id;
            row.offsetMsec = tag.offsetMillis();
            row.timestamp = Instant.now();
            em.persist(row);
            added.add(tag);
            for (PendingTagEntity pending : em.createQuery("SELECT p FROM PendingTagEntity p WHERE p.findTagType = :type"
                    + " AND p.findTagText = :text ORDER BY p.id", PendingTagEntity.class).setParameter("type", tag.type())
                    .setParameter("text", tag.text()).getResultList()) {
                todo.add(new TagEntry(pending.tagType, pending.tagText, null));
            }
        }
        return added;
    }

    /** Whether the tape has this tag already (at the same offset, for a tag that has one): a repeated message. */
    private static boolean has(EntityManager em, TapeEntity tape, long typeId, TagEntry tag) {
        String offset = tag.offsetMillis() == null ? " AND t.offsetMsec IS NULL" : " AND t.offsetMsec = :offset";
        var query = em.createQuery("SELECT t.id FROM TagEntity t WHERE t.tapeId = :tape AND t.tagTypeId = :type"
                + " AND t.text = :text" + offset, Long.class).setParameter("tape", tape.id).setParameter("type", typeId)
                .setParameter("text", tag.text());
        if (tag.offsetMillis() != null) {
            query.setParameter("offset", tag.offsetMillis());
        }
        return !query.setMaxResults(1).getResultList().isEmpty();
    }

    /** The tags of a tape, oldest first. */
    static List<TagEntry> tagsOf(EntityManager em, long tapeId) {
        List<TagEntry> tags = new ArrayList<>();
        for (Object[] row : em.createQuery("SELECT ty.name, t.text, t.offsetMsec FROM TagEntity t, TagTypeEntity ty"
                + " WHERE t.tagTypeId = ty.id AND t.tapeId = :tape ORDER BY t.id", Object[].class)
                .setParameter("tape", tapeId).getResultList()) {
            tags.add(new TagEntry((String) row[0], (String) row[1], (Long) row[2]));
        }
        return tags;
    }

    /** Remembers tags for future recordings that get the tag {@code findType:findText}. */
    static void addPending(EntityManager em, String findType, String findText, List<TagEntry> tags) {
        for (TagEntry tag : tags) {
            PendingTagEntity pending = new PendingTagEntity();
            pending.findTagType = findType;
            pending.findTagText = findText;
            pending.tagType = tag.type();
            pending.tagText = tag.text();
            pending.createdAt = Instant.now();
            em.persist(pending);
        }
    }

    /** Every tag type with its number of tags, by name. */
    static List<TagType> types(EntityManager em) {
        List<TagType> types = new ArrayList<>();
        for (Object[] row : em.createQuery("SELECT ty.id, ty.name, ty.system, (SELECT COUNT(t) FROM TagEntity t"
                + " WHERE t.tagTypeId = ty.id) FROM TagTypeEntity ty ORDER BY ty.name", Object[].class).getResultList()) {
            types.add(new TagType((Long) row[0], (String) row[1], (Boolean) row[2], (Long) row[3]));
        }
        return types;
    }

    TagType createType(EntityManager em, String name) {
        String wanted = freeName(em, name);
        TagTypeEntity type = new TagTypeEntity();
        type.name = wanted;
        em.persist(type);
        return new TagType(type.id, type.name, false, 0);
    }

    TagType renameType(EntityManager em, WriteBatch batch, long id, String name) {
        TagTypeEntity type = editable(em, id, "renamed");
        String wanted = freeName(em, name);
        forget(batch, type.name);
        type.name = wanted;
        return new TagType(type.id, type.name, false, tagCount(em, id));
    }

    void deleteType(EntityManager em, WriteBatch batch, long id) {
        TagTypeEntity type = editable(em, id, "deleted");
        long used = tagCount(em, id);
        if (used > 0) {
            throw new TrackException("ERROR_TAGTYPE_IN_USE", used + " tags are of type '" + type.name
                    + "'; a type in use cannot be deleted");
        }
        forget(batch, type.name);
        em.remove(type);
    }

    /**
     * Drops a type name from the name-to-id caches, now and again once the batch commits (after any earlier write
     * of the batch that remembers it).
     */
    private void forget(WriteBatch batch, String name) {
        typeIds.remove(name);
        batch.newTagTypes().remove(name);
        batch.afterCommit(() -> typeIds.remove(name));
    }

    private static TagTypeEntity editable(EntityManager em, long id, String what) {
        TagTypeEntity type = em.find(TagTypeEntity.class, id);
        if (type == null) {
            throw new TrackException("ERROR_TAGTYPE_NOT_FOUND", "no tag type has the id " + id);
        }
        if (type.system) {
            throw new TrackException(what.equals("deleted") ? "ERROR_TAGTYPE_IN_USE" : "ERROR_SAVING_TAGTYPE",
                    "'" + type.name + "' is a system tag type (the recorder sends it); it cannot be " + what);
        }
        return type;
    }

    private static String freeName(EntityManager em, String name) {
        if (name == null || name.isBlank()) {
            throw new TrackException("ERROR_SAVING_TAGTYPE", "a tag type needs a name");
        }
        String wanted = name.trim();
        if (wanted.length() > UserDirectoryImpl.NAME_LENGTH) {
            throw new TrackException("ERROR_SAVING_TAGTYPE", "a tag type's name has at most " + UserDirectoryImpl.NAME_LENGTH
                    + " characters");
        }
        if (!em.createQuery("SELECT t.id FROM TagTypeEntity t WHERE t.name = :name", Long.class).setParameter("name", wanted)
                .getResultList().isEmpty()) {
            throw new TrackException("ERROR_SAVING_TAGTYPE", "a tag type is already named '" + wanted + "'");
        }
        return wanted;
    }

    private static long tagCount(EntityManager em, long typeId) {
        return em.createQuery("SELECT COUNT(t) FROM TagEntity t WHERE t.tagTypeId = :id", Long.class)
                .setParameter("id", typeId).getSingleResult();
    }

    private long typeId(EntityManager em, WriteBatch batch, String name) {
        Long id = typeIds.get(name);
        if (id == null) {
            id = batch.newTagTypes().get(name);
        }
        if (id == null) {
            id = em.createQuery("SELECT t.id FROM TagTypeEntity t WHERE t.name = :name", Long.class).setParameter("name", name)
                    .getResultList().stream().findFirst().orElse(null);
        }
        if (id == null) {
            TagTypeEntity type = new TagTypeEntity();
            type.name = name;
            type.system = "dtmfdigit".equals(name);
            em.persist(type);
            id = type.id;
            batch.newTagTypes().put(name, id);
        }
        long known = id;
        batch.afterCommit(() -> typeIds.put(name, known));
        return id;
    }
}
