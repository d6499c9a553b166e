/** RTP payload decoders: the {@link org.oreka.sdk.codec.AudioCodec} SPI. */
@Export
@Version("1.1.0")
package org.oreka.sdk.codec;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
