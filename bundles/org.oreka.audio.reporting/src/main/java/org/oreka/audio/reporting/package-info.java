/**
 * The recorder's reported messages as other bundles hear them.
 */
@Export
@Version("1.0.0")
package org.oreka.audio.reporting;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
