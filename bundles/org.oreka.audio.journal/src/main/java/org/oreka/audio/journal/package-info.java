/** The tape journal: the file a call's RTP payloads are written to while it runs, and its reader. */
@Export
@Version("1.1.0")
package org.oreka.audio.journal;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
