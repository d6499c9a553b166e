package org.oreka.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Running commands, clearing work folders and finding the Karaf JVM, for {@link Distribution}. */
final class Processes {

    private Processes() {
    }

    /** Runs a command in a folder, failing when it fails. */
    static void run(Path directory, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    /** Deletes a folder and everything in it, if it exists. */
    static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** The Java process a launcher script started (the script itself is a shell), or the script when none. */
    static ProcessHandle jvm(Process launcher) {
        return launcher.descendants().filter(p -> p.info().command().orElse("").endsWith("java")).findFirst()
                .orElse(launcher.toHandle());
    }
}
