package org.oreka.audio.skinny.internal;

/**
 * The decoder's configuration as one immutable value, swapped whole when the configuration changes.
 *
 * @param tcpPort the call manager's Skinny port ({@code SkinnyTcpPort})
 * @param nameAsLocalParty report the local line's display name instead of its number ({@code SkinnyNameAsLocalParty})
 * @param ignoreHold do not report hold and resume ({@code SkinnyIgnoreHold})
 */
record SkinnySettings(int tcpPort, boolean nameAsLocalParty, boolean ignoreHold) {

    static final int DEFAULT_TCP_PORT = 2000;

    static final SkinnySettings DEFAULTS = new SkinnySettings(DEFAULT_TCP_PORT, false, false);
}
