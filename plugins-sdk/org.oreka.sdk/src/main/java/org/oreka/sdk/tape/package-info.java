/** Tapes (recordings) and the {@link org.oreka.sdk.tape.TapeProcessor} chain SPI. */
@Export
@Version("1.1.0")
package org.oreka.sdk.tape;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
