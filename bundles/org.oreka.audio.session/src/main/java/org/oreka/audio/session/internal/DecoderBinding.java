package org.oreka.audio.session.internal;

import org.oreka.sdk.call.CallEventSink;
import org.oreka.sdk.call.SignallingDecoder;

/** A signalling decoder service with its protocol name, ranking and the sink that feeds its events to the tracker. */
record DecoderBinding(SignallingDecoder decoder, String protocol, int ranking, CallEventSink sink) {
}
