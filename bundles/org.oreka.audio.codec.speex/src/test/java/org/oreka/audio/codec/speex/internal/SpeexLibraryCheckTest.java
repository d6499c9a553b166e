package org.oreka.audio.codec.speex.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.service.component.ComponentContext;

/** The codec component is enabled only when the library is bound; a missing library is one log line. */
class SpeexLibraryCheckTest {

    private final List<Object> enabled = new ArrayList<>();
    private final ComponentContext context = (ComponentContext) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {ComponentContext.class}, (proxy, method, args) -> {
                if (method.getName().equals("enableComponent")) {
                    enabled.add(String.valueOf(args[0]));
                    return null;
                }
                throw new UnsupportedOperationException(method.getName());
            });

    @Test
    void aBoundLibraryEnablesTheCodec() {
        SpeexLibraryCheck.enableIfBound(null, context);
        assertEquals(List.of("null"), enabled, "every component of the bundle");
    }

    @Test
    void aMissingLibraryEnablesNothingAndSaysWhichPackageToInstall() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            SpeexLibraryCheck.enableIfBound(new UnsatisfiedLinkError("Unable to load library"), context);
        } finally {
            System.setErr(err);
        }
        assertEquals(List.of(), enabled);
        String text = log.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.contains(LibSpeex.LIBRARY) && text.contains("libspeex1") && text.contains("Unable to load library"), text);
    }
}
