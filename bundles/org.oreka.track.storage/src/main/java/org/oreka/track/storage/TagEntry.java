package org.oreka.track.storage;

/**
 * One tag to put on a recording: its type (created when new), its text and, when known, its position in the
 * recording.
 *
 * @param type the tag type, for instance {@code dtmfdigit} or {@code CustomerNo}
 * @param text the tag's value
 * @param offsetMillis milliseconds from the start of the recording, or null
 */
public record TagEntry(String type, String text, Long offsetMillis) {

    public TagEntry {
        if (type == null || type.isBlank()) {
            throw new TrackException("ERROR_INVALID_TAG", "a tag needs a type");
        }
        type = type.trim();
        text = text == null ? "" : text;
    }

    /** Parses the API's {@code Type:Text} form (the text may hold further colons). */
    public static TagEntry parse(String typeAndText) {
        int colon = typeAndText.indexOf(':');
        if (colon <= 0) {
            throw new TrackException("ERROR_INVALID_TAG", "a tag entry must look like Type:Text, not '" + typeAndText + "'");
        }
        return new TagEntry(typeAndText.substring(0, colon), typeAndText.substring(colon + 1), null);
    }
}
