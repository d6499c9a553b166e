/** Oreka's wire formats, the command SPI behind the HTTP APIs, and the listener of the recorder-side ports. */
@Export
@Version("1.1.0")
package org.oreka.protocol;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
