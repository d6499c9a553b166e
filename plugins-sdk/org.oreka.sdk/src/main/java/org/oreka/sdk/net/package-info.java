/** Transport-level datagrams handed to signalling decoders. */
@Export
@Version("1.0.0")
package org.oreka.sdk.net;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
