/**
 * OrkTrack's relay of on-demand commands to recorders, as a service: record, pause, resume and stop a live call,
 * and its live audio, each sent to the recorder that holds the call. {@code cmd=ondemand} and OrkWeb's live
 * monitoring page both use it.
 */
@Export
@Version("1.0.0")
package org.oreka.track.ondemand;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
