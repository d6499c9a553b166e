package org.oreka.audio.skinny.internal;

/**
 * One complete SCCP message cut out of a TCP stream: its id, the header's version field and its body.
 *
 * @param messageId the message id (for instance {@code 0x008F} for CallInfo)
 * @param headerVersion the header's second word, which newer call managers set to the protocol version the
 *        message layout follows (0 on old ones)
 * @param body the bytes after the message id; owned by this frame
 */
record SccpFrame(int messageId, long headerVersion, byte[] body) {
}
