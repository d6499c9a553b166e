package org.oreka.track.storage.internal;

import javax.persistence.EntityManager;

/**
 * One unit of work for the {@link WriteQueue}. It may run twice (once in a group commit that fails because of
 * another write, then alone), so it keeps its in-memory effects for {@link WriteBatch#afterCommit}. It throws
 * a {@link org.oreka.track.storage.TrackException} only before changing anything.
 */
@FunctionalInterface
interface Write<T> {

    T apply(EntityManager em, WriteBatch batch);
}
