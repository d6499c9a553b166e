package org.oreka.testing;

/**
 * One generated call: SIP INVITE/200/ACK, two-way G.711 RTP with a pure tone per side, BYE/200.
 *
 * @param callerIp IPv4 address of the caller (phone and media)
 * @param calleeIp IPv4 address of the callee
 * @param callerRtpPort the caller's RTP port
 * @param calleeRtpPort the callee's RTP port
 * @param startMillis when the INVITE is sent, from the capture's start
 * @param durationMillis how long RTP flows
 * @param payloadType 0 (PCMU) or 8 (PCMA)
 * @param callerToneHz the frequency of the caller's voice
 * @param calleeToneHz the frequency of the callee's voice
 */
public record SyntheticCall(String callId, String caller, String callee, String callerIp, String calleeIp,
        int callerRtpPort, int calleeRtpPort, long startMillis, long durationMillis, int payloadType, double callerToneHz,
        double calleeToneHz) {
}
