package org.oreka.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.ComponentContext;

/**
 * A Declarative Services {@link ComponentContext} outside OSGi that records which components a component enables
 * (a bundle that enables its codec only when a native library loads); any other call fails.
 */
public final class EnabledComponents {

    private final List<String> names = new ArrayList<>();
    private final ComponentContext context = (ComponentContext) Proxy.newProxyInstance(
            ComponentContext.class.getClassLoader(), new Class<?>[] {ComponentContext.class}, (proxy, method, args) -> {
                if (method.getName().equals("enableComponent")) {
                    names.add(String.valueOf(args[0]));
                    return null;
                }
                throw new UnsupportedOperationException(method.getName());
            });

    /** The context to hand to the component. */
    public ComponentContext context() {
        return context;
    }

    /** The names passed to {@code enableComponent}, in order; {@code "null"} for every component of the bundle. */
    public List<String> names() {
        return names;
    }

    /**
     * What {@code action} writes on standard error, which is where slf4j-simple logs in unit tests (it looks
     * {@code System.err} up at each message).
     */
    public static String standardError(Runnable action) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(text, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(err);
        }
        return text.toString(StandardCharsets.UTF_8);
    }
}
