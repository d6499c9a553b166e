/** Replaying pcap and pcapng files and folders into a {@link org.oreka.sdk.capture.FrameSink}. */
@Export
@Version("1.0.0")
package org.oreka.audio.capture.file;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
