package org.oreka.track.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oreka.track.storage.TrackException;

class AgentTrackingTest {

    private TrackFixture track;

    @BeforeEach
    void open() throws Exception {
        track = new TrackFixture();
        track.agents.saveWorkstation("Home PC", "HomePC", 5900);
        track.agents.saveWorkstation("Desk 2", "10.0.0.22", 5900);
    }

    @AfterEach
    void close() {
        track.close();
    }

    @Test
    void anAgentHasOneDeviceAndOneWorkstationAndANewLoginMovesIt() {
        track.agents.login("5000", "2000", "6000", null, null);
        track.agents.login("5000", null, null, "HomePC", null);
        var login = track.agents.ofAgent("5000").orElseThrow();
        assertEquals("2000", login.device());
        assertEquals("HomePC", login.workstation());
        assertEquals(5900, login.rfbPort());
        track.agents.login("5000", "2001", null, "10.0.0.22", null);
        assertTrue(track.agents.atDevice("2000").isEmpty());
        assertEquals("5000", track.agents.atDevice("2001").orElseThrow().agent());
        assertEquals("10.0.0.22", track.agents.ofAgent("5000").orElseThrow().workstation());
    }

    @Test
    void aDeviceServesOneAgentAndAWorkstationOnePerPort() {
        track.agents.login("5000", "2000", null, "HomePC", null);
        track.agents.login("5001", "2000", null, "HomePC", 5901);
        assertEquals("5001", track.agents.atDevice("2000").orElseThrow().agent());
        assertEquals("HomePC", track.agents.ofAgent("5000").orElseThrow().workstation(), "another port: both stay");
        track.agents.login("5002", null, null, "HomePC", 5900);
        assertTrue(track.agents.ofAgent("5000").isEmpty(), "5000 lost its last place and is logged out");
    }

    @Test
    void theWorkstationMustExistAndALoginNeedsADeviceOrWorkstation() {
        assertEquals("ERROR_WORKSTATION_NOT_FOUND",
                assertThrows(TrackException.class, () -> track.agents.login("5000", null, null, "Unknown", null)).returnCode());
        assertEquals("ERROR_MISSING_PARAMETER",
                assertThrows(TrackException.class, () -> track.agents.login("5000", null, "6000", null, null)).returnCode());
        assertThrows(TrackException.class, () -> track.agents.login(null, "2000", null, null, null));
        assertTrue(track.agents.current().isEmpty());
    }

    @Test
    void logoutsByAgentDeviceWorkstationAndPort() {
        track.agents.login("5000", "2000", null, "HomePC", null);
        assertEquals(1, track.agents.logout(null, "2000", null, null));
        assertNull(track.agents.ofAgent("5000").orElseThrow().device());
        assertThrows(TrackException.class, () -> track.agents.logout(null, null, "HomePC", 5999));
        assertEquals(1, track.agents.logout(null, null, "homepc", 5900));
        assertTrue(track.agents.ofAgent("5000").isEmpty());
        assertEquals("ERROR_NOT_LOGGED_IN", assertThrows(TrackException.class,
                () -> track.agents.logout("5000", "2000", null, null)).returnCode());
        assertEquals(1, track.count("SELECT COUNT(a) FROM AgentLoginEntity a WHERE a.logoutTime IS NOT NULL"));
    }

    @Test
    void loginsSurviveARestart() throws Exception {
        track.agents.login("5000", "2000", null, null, null);
        var reloaded = new AgentTrackingImpl(track.storage);
        assertEquals("5000", reloaded.atDevice("2000").orElseThrow().agent());
    }
}
