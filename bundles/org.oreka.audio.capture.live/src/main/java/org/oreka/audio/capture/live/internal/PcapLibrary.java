package org.oreka.audio.capture.live.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares every call into pcap4j: tells it which libpcap to load (Debian's runtime package installs only
 * {@code libpcap.so.0.8}, while pcap4j asks JNA for plain {@code pcap}, which needs the {@code libpcap.so} link
 * of the development package) and runs it with this bundle's class loader as context class loader.
 */
final class PcapLibrary {

    /** The system property pcap4j reads, once, when it first loads libpcap. */
    static final String LIBRARY_PROPERTY = "org.pcap4j.core.pcapLibName";

    private static final Logger LOG = LoggerFactory.getLogger(PcapLibrary.class);
    private static final String LIBRARY_FILE = "libpcap.so";
    private static final List<Path> LDCONFIG_PATHS = List.of(Paths.get("/sbin/ldconfig"), Paths.get("/usr/sbin/ldconfig"));

    /** A call into pcap4j. */
    @FunctionalInterface
    interface PcapCall<T> {
        T call() throws PcapNativeException, NotOpenException;
    }

    private PcapLibrary() {
    }

    /**
     * Runs {@code call} with this bundle's class loader as the thread's context class loader: pcap4j finds its
     * packet factories through {@link java.util.ServiceLoader} on that loader, which in OSGi would otherwise be
     * one that cannot see the jars embedded in this bundle.
     */
    static <T> T call(PcapCall<T> call) throws PcapNativeException, NotOpenException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(PcapLibrary.class.getClassLoader());
        try {
            return call.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Loads libpcap, if pcap4j has not yet, and reports its version.
     *
     * @throws IOException when libpcap cannot be loaded
     */
    static String load() throws IOException {
        try {
            return call(Pcaps::libVersion);
        } catch (PcapNativeException | NotOpenException | LinkageError e) {
            throw new IOException("libpcap cannot be loaded (install libpcap, or name it with PcapLibrary): "
                    + describe(e), e);
        }
    }

    /** A one-line description of a pcap4j failure, looking through the wrapper of a failed library load. */
    static String describe(Throwable failure) {
        Throwable cause = failure instanceof ExceptionInInitializerError && failure.getCause() != null
                ? failure.getCause()
                : failure;
        return cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
    }

    /**
     * Points pcap4j at {@code configured} when it is set; otherwise, unless the JVM already names a library,
     * at the libpcap found on this machine.
     *
     * @return the library pcap4j will load, or an empty string when pcap4j keeps its own default
     */
    static synchronized String configure(String configured) {
        String previous = System.getProperty(LIBRARY_PROPERTY, "");
        String chosen;
        if (!configured.isBlank()) {
            chosen = configured.trim();
        } else if (!previous.isEmpty()) {
            return previous;
        } else {
            chosen = locate().map(Path::toString).orElse("");
            if (chosen.isEmpty()) {
                return "";
            }
        }
        if (!chosen.equals(previous)) {
            System.setProperty(LIBRARY_PROPERTY, chosen);
            LOG.info("pcap4j will load libpcap from {} (pcap4j reads this once: a later change needs a bundle restart)",
                    chosen);
        }
        return chosen;
    }

    /** Finds libpcap on a Linux machine: in the usual library folders first, then in the loader's cache. */
    static Optional<Path> locate() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        String arch = System.getProperty("os.arch", "");
        Optional<Path> inFolders = findInFolders(libraryFolders(arch));
        return inFolders.isPresent() ? inFolders : findInLoaderCache(ldconfigOutput(), arch);
    }

    /** The folders Linux distributions install libraries in, most specific to this architecture first. */
    static List<Path> libraryFolders(String arch) {
        List<Path> folders = new ArrayList<>();
        multiarchTriplet(arch).ifPresent(triplet -> {
            folders.add(Paths.get("/usr/lib", triplet));
            folders.add(Paths.get("/lib", triplet));
        });
        for (String folder : List.of("/usr/lib64", "/lib64", "/usr/lib", "/lib", "/usr/local/lib")) {
            folders.add(Paths.get(folder));
        }
        return folders;
    }

    /**
     * The libpcap in the first of {@code folders} that holds one: {@code libpcap.so} itself when present, else
     * the shortest versioned name, which is the soname link ({@code libpcap.so.0.8}, {@code libpcap.so.1}).
     */
    static Optional<Path> findInFolders(List<Path> folders) {
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                Optional<Path> best = files
                        .filter(file -> isLibpcap(file.getFileName().toString()))
                        .filter(Files::isReadable)
                        .min(Comparator.comparingInt((Path file) -> file.getFileName().toString().length())
                                .thenComparing(file -> file.getFileName().toString()));
                if (best.isPresent()) {
                    return best;
                }
            } catch (IOException e) {
                LOG.debug("Cannot list {} while looking for libpcap", folder, e);
            }
        }
        return Optional.empty();
    }

    private static boolean isLibpcap(String fileName) {
        return fileName.equals(LIBRARY_FILE) || fileName.startsWith(LIBRARY_FILE + ".");
    }

    /**
     * The libpcap listed in {@code ldconfig -p} output for this architecture, for instance from
     * {@code libpcap.so.0.8 (libc6,x86-64) => /lib/x86_64-linux-gnu/libpcap.so.0.8}.
     */
    static Optional<Path> findInLoaderCache(String ldconfigOutput, String arch) {
        Optional<String> wantedFlag = loaderCacheFlag(arch);
        for (String line : ldconfigOutput.split("\n")) {
            String entry = line.trim();
            int arrow = entry.indexOf("=>");
            if (arrow < 0 || !isLibpcap(entry.split("\\s+", 2)[0])) {
                continue;
            }
            String flags = entry.substring(0, arrow);
            if (wantedFlag.map(flags::contains).orElse(true)) {
                return Optional.of(Paths.get(entry.substring(arrow + 2).trim()));
            }
        }
        return Optional.empty();
    }

    private static String ldconfigOutput() {
        String command = LDCONFIG_PATHS.stream().filter(Files::isExecutable).map(Path::toString).findFirst()
                .orElse("ldconfig");
        try {
            Process process = new ProcessBuilder(command, "-p").redirectErrorStream(true).start();
            try (InputStream out = process.getInputStream()) {
                String output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
                process.waitFor(5, TimeUnit.SECONDS);
                return output;
            }
        } catch (IOException e) {
            LOG.debug("Cannot run {} -p while looking for libpcap", command, e);
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Debian's multiarch folder name for the JVM's {@code os.arch}. */
    private static Optional<String> multiarchTriplet(String arch) {
        switch (arch) {
            case "amd64":
            case "x86_64": return Optional.of("x86_64-linux-gnu");
            case "aarch64": return Optional.of("aarch64-linux-gnu");
            case "arm": return Optional.of("arm-linux-gnueabihf");
            case "x86":
            case "i386": return Optional.of("i386-linux-gnu");
            case "ppc64le": return Optional.of("powerpc64le-linux-gnu");
            case "s390x": return Optional.of("s390x-linux-gnu");
            default: return Optional.empty();
        }
    }

    /** How {@code ldconfig -p} marks libraries of the JVM's architecture; empty accepts every entry. */
    private static Optional<String> loaderCacheFlag(String arch) {
        switch (arch) {
            case "amd64":
            case "x86_64": return Optional.of("x86-64");
            case "aarch64": return Optional.of("AArch64");
            case "ppc64le":
            case "s390x": return Optional.of("64bit");
            default: return Optional.empty();
        }
    }
}
