/**
 * OrkTrack's database as the other OrkTrack bundles see it: services that ingest tape and CTI messages, keep
 * users, groups, programs, tags and agent logins, follow live calls and search segments, with value types
 * for what they take and give. Failures the API reports to callers are {@link org.oreka.track.storage.TrackException}s.
 */
@Export
@Version("1.2.0")
package org.oreka.track.storage;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
