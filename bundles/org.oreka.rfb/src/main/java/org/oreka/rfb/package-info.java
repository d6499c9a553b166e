/** OrkRfb's API for the rest of the platform: where its screen recordings are, for OrkWeb to play them. */
@Export
@Version("1.0.0")
package org.oreka.rfb;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
