/**
 * The recorder's session tracker as other recorder bundles see it: tape lifecycle listeners, live sessions, live
 * audio and recording control.
 */
@Export
@Version("1.3.0")
package org.oreka.audio.session;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
