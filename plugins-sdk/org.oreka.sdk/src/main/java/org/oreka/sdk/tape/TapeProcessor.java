package org.oreka.sdk.tape;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One step of the tape-processor chain that every finished recording goes through (transcoding, external
 * commands, renaming, reporting to OrkTrack, or anything a plugin adds).
 *
 * <p><b>Selection.</b> Register implementations as OSGi services with {@link #PROPERTY_NAME}. The recorder's
 * {@code TapeProcessors} key lists processor names in order (case-insensitive, as in Oreka's config.xml); a
 * tape visits them in that order. A name that is listed but has no service yet holds its tapes, on disk,
 * until a service with that name appears; nothing is skipped. When several services share a name, the one
 * with the highest {@code service.ranking} is used.
 *
 * <p><b>Threading.</b> The chain calls a processor from its own worker threads, one tape per call; calls for
 * different tapes may run concurrently. A call may block (for I/O or an external command) but should return
 * within minutes.
 *
 * <p><b>Results.</b> {@link Result#DONE}: the tape moves on to the next processor. {@link Result#RETRY_LATER}: a
 * passing condition (a server down, a file busy); the chain calls again for the same tape after a delay,
 * keeping later tapes flowing. {@link Result#GIVE_UP}: the step failed for good; the tape leaves the chain
 * here, marked failed with this processor's name, and stays listed by {@code oreka:tapes --failed}. An
 * exception counts as {@code GIVE_UP} and is logged once.
 *
 * <p><b>Idempotence.</b> After a crash or a {@code RETRY_LATER} the same tape may be offered again (see
 * {@link Tape#attempt()}); a processor must cope with finding its own earlier output.
 *
 * <p><b>Hot swap.</b> Updating or stopping a processor bundle never loses tapes: tapes waiting for the
 * processor stay queued until it is back.
 */
@ConsumerType
public interface TapeProcessor {

    /** Service property: the name used in the {@code TapeProcessors} list, for instance {@code BatchProcessing}. */
    String PROPERTY_NAME = "oreka.tapeprocessor.name";

    /** The outcome of one call. */
    enum Result {
        /** Finished; pass the tape to the next processor. */
        DONE,
        /** Not possible now; call again for this tape later. */
        RETRY_LATER,
        /** Failed for good; take the tape out of the chain. */
        GIVE_UP
    }

    /** Processes one tape. */
    Result process(Tape tape);
}
