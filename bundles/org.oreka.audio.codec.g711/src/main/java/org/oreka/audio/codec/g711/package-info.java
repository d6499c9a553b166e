/** ITU-T G.711 µ-law and A-law conversion between 8-bit codes and 16-bit linear PCM. */
@Export
@Version("1.0.0")
package org.oreka.audio.codec.g711;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
