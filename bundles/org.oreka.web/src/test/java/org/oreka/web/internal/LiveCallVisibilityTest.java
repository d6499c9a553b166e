package org.oreka.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.oreka.track.storage.Direction;
import org.oreka.track.storage.LiveCall;
import org.oreka.track.storage.LiveDecision;
import org.oreka.track.storage.User;
import org.oreka.track.storage.UserDirectory;
import org.oreka.track.storage.Visibility;

class LiveCallVisibilityTest {

    private final List<String> lookups = new ArrayList<>();
    private final UserDirectory users = (UserDirectory) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {UserDirectory.class}, (proxy, method, args) -> {
                lookups.add((String) args[0]);
                return switch ((String) args[0]) {
                    case "5001" -> Optional.of(new User(1, "Ann", "Lee", null, true, false, false, false, List.of("5001"), List.of(), null));
                    case "5002" -> Optional.of(new User(2, "Bob", "Kay", null, true, false, false, false, List.of("5002"), List.of(), null));
                    default -> Optional.empty();
                };
            });

    private static LiveCall call(String localParty) {
        return new LiveCall("20261128_101500_" + localParty, "orkaudio", localParty, "555", Direction.IN, "both",
                Instant.now(), false, false, LiveDecision.NEITHER, List.of());
    }

    @Test
    void aUserSeesTheLiveCallsOfTheUsersWhoseRecordingsItSeesLookingEachPartyUpOnce() {
        Visibility ann = new Visibility(false, Set.of(1L));
        Map<String, Optional<User>> found = new HashMap<>();
        assertTrue(LiveCallVisibility.visible(users, call("5001"), ann, found));
        assertTrue(LiveCallVisibility.visible(users, call("5001"), ann, found));
        assertFalse(LiveCallVisibility.visible(users, call("5002"), ann, found));
        assertFalse(LiveCallVisibility.visible(users, call("7777"), ann, found), "a party of no user");
        assertFalse(LiveCallVisibility.visible(users, call(null), ann, found));
        assertEquals(List.of("5001", "5002", "7777"), lookups);
    }

    @Test
    void anAdministratorSeesEveryLiveCallWithoutLookups() {
        assertTrue(LiveCallVisibility.visible(users, call("7777"), Visibility.ALL, new HashMap<>()));
        assertTrue(lookups.isEmpty());
    }
}
