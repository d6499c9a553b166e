/** The call-event model that signalling decoders (SIP, Skinny, ...) produce for the session tracker. */
@Export
@Version("1.0.0")
package org.oreka.sdk.call;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
