package org.oreka.audio.codec.g729.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.oreka.testing.EnabledComponents;

import com.sun.jna.NativeLibrary;

/** The codec component is enabled only when the library is bound; a missing library is one log line. */
class G729LibraryCheckTest {

    private final EnabledComponents enabled = new EnabledComponents();

    @Test
    void aBoundLibraryEnablesTheCodec() {
        G729LibraryCheck.enableIfBound(null, enabled.context());
        assertEquals(List.of("null"), enabled.names(), "every component of the bundle");
    }

    @Test
    void aMissingLibraryEnablesNothingAndSaysWhichPackageToInstall() {
        // JNA's own error for a library that is not there, several lines long.
        UnsatisfiedLinkError missing = assertThrows(UnsatisfiedLinkError.class,
                () -> NativeLibrary.getInstance(Bcg729.LIBRARY + "-not-installed"));
        String log = EnabledComponents.standardError(() -> G729LibraryCheck.enableIfBound(missing, enabled.context()));
        assertEquals(List.of(), enabled.names());
        assertEquals(1, log.lines().count(), log);
        assertTrue(log.contains("WARN") && log.contains("G.729 is not available") && log.contains("libbcg729-0")
                && log.contains(Bcg729.LIBRARY + "-not-installed"), log);
    }
}
