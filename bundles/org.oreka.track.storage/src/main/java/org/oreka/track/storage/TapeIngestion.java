package org.oreka.track.storage;

import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Stores recorders' tape messages: a recording's tape row at start, its length at stop, and at ready its
 * segment and the keep-or-delete decision (programs, the live keep/discard buttons, recordable users).
 *
 * <p>Idempotent by recid and stage: a message delivered again changes nothing and gets the answer the first
 * delivery got. Messages are written in group commits; the stage completes once the message is durable.
 */
@ProviderType
public interface TapeIngestion {

    /** Stores a message; completes with the answer for the recorder, or exceptionally with a {@link TrackException}. */
    CompletionStage<TapeReceipt> ingest(TapeMessage message);
}
