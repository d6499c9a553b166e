package org.oreka.audio.codec.gsm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.service.component.ComponentContext;

/**
 * The bundle's components are enabled only when libgsm loads; a missing library is one warning naming the Debian
 * package, and nothing registered.
 */
class GsmLibraryTest {

    /** The enableComponent calls a component context received. */
    private final List<String> enabled = new ArrayList<>();

    private final ComponentContext context = (ComponentContext) Proxy.newProxyInstance(
            ComponentContext.class.getClassLoader(), new Class<?>[] {ComponentContext.class}, (proxy, method, args) -> {
                if (method.getName().equals("enableComponent")) {
                    enabled.add(String.valueOf(args[0]));
                    return null;
                }
                throw new UnsupportedOperationException(method.getName());
            });

    @Test
    void anInstalledLibraryEnablesTheCodecAndTheStorageFormat() {
        new GsmLibrary().activate(context);
        assertEquals(List.of("null"), enabled, "every component of the bundle");
    }

    @Test
    void aMissingLibraryIsOneWarningAndNothingEnabled() {
        GsmLibrary library = new GsmLibrary();
        library.fileName = "libgsm.so.0-not-installed";
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            library.activate(context);
        } finally {
            System.setErr(stderr);
        }
        assertEquals(List.of(), enabled);
        String output = log.toString(StandardCharsets.UTF_8);
        List<String> lines = Arrays.stream(output.split("\n")).filter(line -> !line.isBlank()).toList();
        assertEquals(1, lines.size(), output);
        assertTrue(lines.get(0).contains("WARN") && lines.get(0).contains("libgsm.so.0-not-installed")
                && lines.get(0).contains("libgsm1"), output);
    }
}
