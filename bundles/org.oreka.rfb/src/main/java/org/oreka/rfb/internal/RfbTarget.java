package org.oreka.rfb.internal;

/**
 * The desktop a {@code startrfb} names and the call it belongs to.
 *
 * @param hostname the agent's workstation (host name or address)
 * @param port its VNC port
 * @param loginString the agent's login, reported with the screen recording
 * @param username the agent's user name as the caller gave it (VNC Authentication has no user name)
 * @param password the VNC password, empty for a server without authentication
 * @param orkuid the call's orkuid, which links the screen recording to the call
 */
record RfbTarget(String hostname, int port, String loginString, String username, String password, String orkuid) {

    @Override
    public String toString() {
        return hostname + ":" + port + " for orkuid " + orkuid;
    }
}
