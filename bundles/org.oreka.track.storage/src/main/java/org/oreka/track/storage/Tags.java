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

    /**
     * What an add-tag request did.
     *
     * @param orkuids the recordings tagged now
     * @param pending whether the tags also wait for future recordings
     */
    record TagResult(List<String> orkuids, boolean pending) {
    }
}
