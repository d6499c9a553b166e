/** Writers of final recording files: the {@link org.oreka.sdk.storage.StorageFormat} SPI. */
@Export
@Version("1.0.0")
package org.oreka.sdk.storage;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
