package org.oreka.sdk.call;

import org.osgi.annotation.versioning.ProviderType;

/** Receives the call events a {@link SignallingDecoder} produces; the recorder's session tracker implements it. */
@ProviderType
public interface CallEventSink {

    void accept(CallEvent event);
}
