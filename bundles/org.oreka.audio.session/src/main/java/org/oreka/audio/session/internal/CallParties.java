package org.oreka.audio.session.internal;

import org.oreka.sdk.call.Direction;

/**
 * Who is local and who is remote in a call, and which way it goes, as the recording reports it.
 *
 * @param localIp the address of the local party's device
 * @param remoteIp the address of the other end (or the PBX/gateway that carries it)
 */
record CallParties(String localParty, String remoteParty, String localEntryPoint, Direction direction,
        String localIp, String remoteIp) {
}
