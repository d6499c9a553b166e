/**
 * Durable delivery of Oreka messages to OrkTrack: a queue on disk ({@link org.oreka.protocol.tracker.Outbox}), the
 * address of one tracker ({@link org.oreka.protocol.tracker.Tracker}) and the thread that delivers the queue to it in
 * order, retrying through outages ({@link org.oreka.protocol.tracker.TrackerSender}). Shared by the recorder's
 * Reporting and the screen recorder.
 */
@Export
@Version("1.0.0")
package org.oreka.protocol.tracker;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
