package org.oreka.track.storage.internal;

/**
 * Whose a recording is: the user, and the login string that made it theirs (the recorder's login string, the
 * agent logged in at the device, or the local party itself).
 *
 * @param userId the user, or null when nobody owns the party
 * @param loginString the login string, or null
 */
record Owner(Long userId, String loginString) {

    static final Owner NOBODY = new Owner(null, null);

    /** The owner of a recording of {@code localParty}, with the recorder's own login string when it sent one. */
    static Owner of(Directory directory, AgentTrackingImpl agents, String localParty, String loginString) {
        if (loginString != null && !loginString.isBlank()) {
            return new Owner(directory.userOf(loginString), loginString);
        }
        var agent = agents.atDevice(localParty);
        if (agent.isPresent()) {
            return new Owner(directory.userOf(agent.get().agent()), agent.get().agent());
        }
        Long user = directory.userOf(localParty);
        return user == null ? NOBODY : new Owner(user, localParty);
    }
}
