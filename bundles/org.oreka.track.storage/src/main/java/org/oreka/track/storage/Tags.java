package org.oreka.track.storage;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Tags on recordings ({@code cmd=addtag} in its three forms, and the recorders' own {@code type=addtag}). */
@ProviderType
public interface Tags {

    /**
     * Tags the recording with that orkuid, live or stored.
     *
     * @throws TrackException ERROR_NO_RECORDING_FOUND when no recording has that orkuid
     */
    TagResult tagRecording(String orkuid, List<TagEntry> tags);

    /**
     * Tags a local party's live call, or when it has none its most recent recording.
     *
     * @throws TrackException ERROR_NO_RECORDING_FOUND when the party has no recording at all
     */
    TagResult tagLocalParty(String localParty, List<TagEntry> tags);

    /**
     * Tags every recording that carries the tag {@code findType:findText}, and future ones that get it.
     *
     * @return how many existing recordings were tagged; the tags also wait for future recordings
     */
    TagResult tagLike(String findType, String findText, List<TagEntry> tags);

    /** The tags of a recording, in the order they were added. */
    List<TagEntry> tagsOf(String orkuid);

    /** Every tag type, by name, with how many tags use it. */
    List<TagType> tagTypes();

    /**
     * Adds a tag type (OrkWeb administration; tags also create their types as they arrive).
     *
     * @throws TrackException ERROR_SAVING_TAGTYPE when the name is blank or taken
     */
    TagType createTagType(String name);

    /**
     * Renames a tag type; its tags carry the new name from then on.
     *
     * @throws TrackException ERROR_TAGTYPE_NOT_FOUND, or ERROR_SAVING_TAGTYPE when the name is blank or taken or the
     *         type is a system one (the recorder's {@code dtmfdigit})
     */
    TagType renameTagType(long id, String name);

    /**
     * Deletes a tag type no tag uses.
     *
     * @throws TrackException ERROR_TAGTYPE_NOT_FOUND, or ERROR_TAGTYPE_IN_USE when tags use it or it is a system one
     */
    void deleteTagType(long id);

    /**
     * A kind of tag.
     *
     * @param id its row id
     * @param name its name, unique
     * @param system whether the platform itself uses it (it cannot be renamed or deleted)
     * @param tagCount how many tags use it
     */
    record TagType(long id, String name, boolean system, long tagCount) {
    }

    /**
     * What an add-tag request did.
     *
     * @param orkuids the recordings tagged now
     * @param pending whether the tags also wait for future recordings
     */
    record TagResult(List<String> orkuids, boolean pending) {
    }
}
