package org.oreka.track.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oreka.track.storage.LoginResult;
import org.oreka.track.storage.TrackException;
import org.oreka.track.storage.User;
import org.oreka.track.storage.UserDirectory;
import org.oreka.track.storage.UserUpdate;
import org.oreka.track.storage.internal.entity.UserEntity;

/** OrkWeb accounts in the user directory: passwords, logins, locks, administrators. */
class AccountsTest {

    private TrackFixture track;
    private User ann;

    @BeforeEach
    void open() throws Exception {
        track = new TrackFixture();
        ann = track.users.save(new UserUpdate("5001", "Ann", "Lee", null, null, null, null, null, List.of("ann@pbx")));
    }

    @AfterEach
    void close() {
        track.close();
    }

    private LoginResult.Outcome login(String loginString, String password) {
        return track.users.login(loginString, password.toCharArray()).outcome();
    }

    @Test
    void noOneCanLogInBeforeAPasswordIsSet() {
        assertFalse(ann.hasPassword());
        assertEquals(LoginResult.Outcome.INVALID, login("5001", ""));
        assertEquals(LoginResult.Outcome.INVALID, login("5001", "anything-at-all"));
    }

    @Test
    void aPasswordIsStoredHashedAndLogsInWithEveryLoginString() {
        track.users.setPassword(ann.id(), "s3cret-pass".toCharArray());
        String stored = track.query(em -> em.find(UserEntity.class, ann.id()).password);
        assertTrue(stored.startsWith("pbkdf2-sha256$"), stored);
        assertFalse(stored.contains("s3cret"));
        LoginResult ok = track.users.login("5001", "s3cret-pass".toCharArray());
        assertTrue(ok.success());
        assertEquals(ann.id(), ok.user().id());
        assertTrue(ok.user().hasPassword());
        assertTrue(track.users.login("ann@pbx", "s3cret-pass".toCharArray()).success());
        assertEquals(LoginResult.Outcome.INVALID, login("5001", "S3cret-pass"));
        assertEquals(LoginResult.Outcome.INVALID, login("nobody", "s3cret-pass"));
        assertThrows(TrackException.class, () -> track.users.setPassword(ann.id(), "short".toCharArray()));
        assertThrows(TrackException.class, () -> track.users.setPassword(999_999, "long-enough-1".toCharArray()));
    }

    @Test
    void disabledAndDeletedUsersCannotLogIn() {
        track.users.setPassword(ann.id(), "s3cret-pass".toCharArray());
        track.query(em -> em.createQuery("UPDATE UserEntity u SET u.disabled = TRUE WHERE u.id = :id")
                .setParameter("id", ann.id()).executeUpdate());
        assertEquals(LoginResult.Outcome.INVALID, login("5001", "s3cret-pass"));
        track.query(em -> em.createQuery("UPDATE UserEntity u SET u.disabled = FALSE, u.deleted = TRUE WHERE u.id = :id")
                .setParameter("id", ann.id()).executeUpdate());
        assertEquals(LoginResult.Outcome.INVALID, login("5001", "s3cret-pass"));
        assertFalse(track.users.visibility(ann.id()).sees(ann.id()), "a deleted user sees nothing");
    }

    @Test
    void repeatedWrongPasswordsLockTheUserWhoseRightPasswordIsThenRefusedUntilTheLockEnds() {
        track.users.setPassword(ann.id(), "s3cret-pass".toCharArray());
        for (int i = 1; i < UserDirectory.MAX_FAILED_LOGINS; i++) {
            assertEquals(LoginResult.Outcome.INVALID, login("5001", "guess-" + i));
        }
        LoginResult locked = track.users.login("5001", "guess-last".toCharArray());
        assertEquals(LoginResult.Outcome.LOCKED, locked.outcome());
        assertTrue(locked.lockedUntil().isAfter(Instant.now().plusSeconds(UserDirectory.LOCK_MINUTES * 60L - 10)));
        assertEquals(LoginResult.Outcome.LOCKED, login("5001", "s3cret-pass"), "no password is checked while locked");
        track.query(em -> em.createQuery("UPDATE UserEntity u SET u.lockedUntil = :past WHERE u.id = :id")
                .setParameter("past", Instant.now().minusSeconds(1)).setParameter("id", ann.id()).executeUpdate());
        assertTrue(track.users.login("5001", "s3cret-pass".toCharArray()).success(), "the lock ended");
        assertEquals(Integer.valueOf(0), track.query(em -> em.find(UserEntity.class, ann.id()).failedLogins));
    }

    @Test
    void aSuccessResetsTheFailureCountAndSettingAPasswordUnlocks() {
        track.users.setPassword(ann.id(), "s3cret-pass".toCharArray());
        for (int round = 0; round < 3; round++) {
            for (int i = 1; i < UserDirectory.MAX_FAILED_LOGINS; i++) {
                assertEquals(LoginResult.Outcome.INVALID, login("5001", "guess-" + i));
            }
            assertTrue(track.users.login("5001", "s3cret-pass".toCharArray()).success());
        }
        for (int i = 0; i < UserDirectory.MAX_FAILED_LOGINS; i++) {
            login("5001", "guess-" + i);
        }
        assertEquals(LoginResult.Outcome.LOCKED, login("5001", "s3cret-pass"));
        track.users.setPassword(ann.id(), "new-s3cret".toCharArray());
        assertTrue(track.users.login("5001", "new-s3cret".toCharArray()).success());
        assertNull(track.query(em -> em.find(UserEntity.class, ann.id()).lockedUntil));
    }

    @Test
    void anAdministratorIsMarkedAndSeesEverything() {
        assertFalse(ann.admin());
        track.users.setAdmin(ann.id(), true);
        User admin = track.users.byId(ann.id()).orElseThrow();
        assertTrue(admin.admin());
        assertTrue(track.users.visibility(ann.id()).everything());
        assertTrue(track.users.visibility(ann.id()).sees(null), "even recordings attributed to no one");
        assertNotNull(track.users.users().stream().filter(User::admin).findFirst().orElse(null));
        track.users.setAdmin(ann.id(), false);
        assertFalse(track.users.visibility(ann.id()).everything());
    }
}
