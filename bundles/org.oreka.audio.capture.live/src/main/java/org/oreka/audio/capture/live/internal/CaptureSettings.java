package org.oreka.audio.capture.live.internal;

/**
 * How every device is opened: a change of any of these reopens every capture.
 *
 * @param filter the BPF filter applied to every device; empty for none
 * @param bufferBytes the kernel capture buffer of each device
 * @param snapLength bytes kept of each frame
 * @param promiscuous whether interfaces are put into promiscuous mode
 */
record CaptureSettings(String filter, int bufferBytes, int snapLength, boolean promiscuous) {
}
