/** The recorder's tape-processor chain, as the rest of the recorder uses it. */
@Export
@Version("1.0.0")
package org.oreka.audio.chain;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
