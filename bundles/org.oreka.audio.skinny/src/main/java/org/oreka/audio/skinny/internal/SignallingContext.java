package org.oreka.audio.skinny.internal;

import java.net.InetSocketAddress;

/**
 * Where and when one SCCP message travelled, and the settings in force: what an endpoint needs besides the
 * message to turn it into call events.
 *
 * @param sender who sent the message (the call manager or the phone)
 * @param callManager the end of the connection that listens on the Skinny port
 * @param phone the other end
 */
record SignallingContext(long timestampMicros, InetSocketAddress sender, InetSocketAddress callManager,
        InetSocketAddress phone, SkinnySettings settings) {
}
