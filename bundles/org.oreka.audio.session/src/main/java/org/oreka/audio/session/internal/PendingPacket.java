package org.oreka.audio.session.internal;

/** An RTP payload kept in memory until its session has enough packets to be recorded. */
record PendingPacket(int side, int payloadType, int sequence, int timestamp, int ssrc, boolean marker,
        long arrivalMicros, byte[] payload) {
}
