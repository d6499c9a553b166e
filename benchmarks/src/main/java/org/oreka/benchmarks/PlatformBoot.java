package org.oreka.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Measures how long the assembled distribution takes from process start until both the recorder's and
 * OrkTrack's pings answer, and the resident memory of the Karaf JVM at that moment; first boot (empty data
 * folder) and a restart. Uses the default ports (8080, 59140), which must be free.
 *
 * <p>Usage: {@code PlatformBoot <distribution.tar.gz> <work folder> [runs]}
 */
public final class PlatformBoot {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private PlatformBoot() {
    }

    public static void main(String[] args) throws Exception {
        Path distribution = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int restarts = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Processes.deleteRecursively(work);
        Files.createDirectories(work);
        Processes.run(work, "tar", "xzf", distribution.toString(), "-C", work.toString());
        Path home;
        try (Stream<Path> entries = Files.list(work)) {
            home = entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        System.out.printf("%-12s %10s %10s%n", "boot", "seconds", "RSS MB");
        for (int i = 0; i <= restarts; i++) {
            boot(home, i == 0 ? "first" : "restart " + i);
        }
    }

    private static void boot(Path home, String label) throws Exception {
        long start = System.nanoTime();
        Process karaf = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("boot-benchmark.out").toFile()).start();
        try {
            waitFor("http://localhost:59140/command?type=ping", "<success>true</success>", start);
            waitFor("http://localhost:8080/orktrack/command?cmd=ping", "comment=pong", start);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%-12s %10.1f %10d%n", label, seconds, rssMegabytes(karaf).orElse(-1L));
        } finally {
            Processes.run(home, home.resolve("bin/stop").toString());
            karaf.waitFor();
        }
    }

    private static void waitFor(String url, String expected, long start) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
        while (true) {
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.body().contains(expected)) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() - start > 180_000_000_000L) {
                throw new IllegalStateException(url + " did not answer within 180 s");
            }
            Thread.sleep(50);
        }
    }

    /** Resident set of the Java process the karaf script started (the script itself is a shell). */
    private static Optional<Long> rssMegabytes(Process karaf) throws IOException {
        ProcessHandle jvm = Processes.jvm(karaf);
        for (String line : Files.readAllLines(Path.of("/proc/" + jvm.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Optional.of(Long.parseLong(line.replaceAll("\\D+", "")) / 1024);
            }
        }
        return Optional.empty();
    }

}
