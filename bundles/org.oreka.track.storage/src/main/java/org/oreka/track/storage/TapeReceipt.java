package org.oreka.track.storage;

/**
 * OrkTrack's answer to a tape message.
 *
 * @param success whether the message was accepted
 * @param comment why not, or a note
 * @param deleteTape for a ready message: no program keeps the recording, so the recorder deletes its file
 */
public record TapeReceipt(boolean success, String comment, boolean deleteTape) {

    /** An accepted message. */
    public static TapeReceipt accepted(boolean deleteTape) {
        return new TapeReceipt(true, "", deleteTape);
    }

    /** A refused message. */
    public static TapeReceipt refused(String comment) {
        return new TapeReceipt(false, comment, false);
    }
}
