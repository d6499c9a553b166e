package org.oreka.track.storage.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void aHashIsSaltedCarriesItsIterationsAndMatchesOnlyItsPassword() {
        String first = PasswordHash.hash("correct horse".toCharArray(), 1000);
        String second = PasswordHash.hash("correct horse".toCharArray(), 1000);
        assertTrue(first.startsWith("pbkdf2-sha256$1000$"), first);
        assertNotEquals(first, second, "a random salt makes every hash different");
        assertFalse(first.contains("correct"), "never the password itself");
        assertTrue(PasswordHash.matches("correct horse".toCharArray(), first));
        assertTrue(PasswordHash.matches("correct horse".toCharArray(), second));
        assertFalse(PasswordHash.matches("correct hors".toCharArray(), first));
        assertFalse(PasswordHash.matches("".toCharArray(), first));
    }

    @Test
    void theStoredIterationCountIsUsedAndAnOldCountIsOutdated() {
        String fewer = PasswordHash.hash("pw-12345".toCharArray(), 2000);
        String tampered = fewer.replace("$2000$", "$2001$");
        assertTrue(PasswordHash.matches("pw-12345".toCharArray(), fewer));
        assertFalse(PasswordHash.matches("pw-12345".toCharArray(), tampered), "the count is part of the hash");
        assertTrue(PasswordHash.outdated(fewer));
    }

    @Test
    void malformedOrMissingStoredValuesMatchNothing() {
        for (String stored : new String[] {null, "", "pw-12345", "pbkdf2-sha256$x$y$z", "pbkdf2-sha256$1000$!!$!!",
                "md5$1000$c2FsdA$aGFzaA", "pbkdf2-sha256$0$c2FsdA$aGFzaA", "pbkdf2-sha256$1000$c2FsdA$"}) {
            assertFalse(PasswordHash.matches("pw-12345".toCharArray(), stored), String.valueOf(stored));
        }
    }
}
