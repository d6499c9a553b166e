package org.oreka.audio.codec.ilbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.oreka.testing.EnabledComponents;

import com.sun.jna.NativeLibrary;

/** The codec component is enabled only when the library is bound; a missing library is one log line. */
class IlbcLibraryCheckTest {

    private final EnabledComponents enabled = new EnabledComponents();

    @Test
    void aBoundLibraryEnablesTheCodec() {
        IlbcLibraryCheck.enableIfBound(null, enabled.context());
        assertEquals(List.of("null"), enabled.names(), "every component of the bundle");
    }

    @Test
    void aMissingLibraryEnablesNothingAndSaysWhichPackageToInstall() {
        // JNA's own error for a library that is not there, several lines long.
        UnsatisfiedLinkError missing = assertThrows(UnsatisfiedLinkError.class,
                () -> NativeLibrary.getInstance("libavcodec.so.59-not-installed"));
        String log = EnabledComponents.standardError(() -> IlbcLibraryCheck.enableIfBound(missing, enabled.context()));
        assertEquals(List.of(), enabled.names());
        assertEquals(1, log.lines().count(), log);
        assertTrue(log.contains("WARN") && log.contains("iLBC is not available") && log.contains("libavcodec59")
                && log.contains("libavcodec.so.59-not-installed"), log);
    }
}
