package org.oreka.audio.sip.internal;

import java.net.InetSocketAddress;

/**
 * Where and when a SIP message was captured: the part of its datagram that outlives the decode call.
 *
 * @param timestampMicros capture time, microseconds since the epoch
 * @param source who sent the message
 * @param destination who received it
 */
record SipEnvelope(long timestampMicros, InetSocketAddress source, InetSocketAddress destination) {
}
