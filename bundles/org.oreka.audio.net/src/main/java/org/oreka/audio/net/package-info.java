/** Decoding of captured frames into transport packets, and reading of capture files. */
@Export
@Version("1.0.0")
package org.oreka.audio.net;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
