package org.oreka.sdk.net;

/** The transport protocol a datagram arrived on. */
public enum Transport {
    UDP,
    /** A TCP segment, or a message the recorder reassembled from a TCP stream. */
    TCP
}
