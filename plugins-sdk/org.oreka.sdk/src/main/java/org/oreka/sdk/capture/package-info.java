/** Packets from live interfaces and capture files: the {@link org.oreka.sdk.capture.CaptureSource} SPI. */
@Export
@Version("1.0.0")
package org.oreka.sdk.capture;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
