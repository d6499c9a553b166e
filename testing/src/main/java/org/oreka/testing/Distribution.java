package org.oreka.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The assembled distribution unpacked into a work folder and run as a server, for benchmarks and crash tests: its
 * configuration, its Karaf JVM's CPU time and memory, a clean stop, and a kill -9.
 */
public final class Distribution implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    public final Path home;
    private Process karaf;

    private Distribution(Path home) {
        this.home = home;
    }

    /** Unpacks the distribution into an emptied work folder. */
    public static Distribution unpack(Path tarGz, Path work) throws IOException, InterruptedException {
        Processes.deleteRecursively(work);
        Files.createDirectories(work);
        Processes.run(work, "tar", "xzf", tarGz.toString(), "-C", work.toString());
        try (Stream<Path> entries = Files.list(work)) {
            return new Distribution(entries.filter(Files::isDirectory).findFirst().orElseThrow());
        }
    }

    /** Sets one key of an {@code etc/} configuration file, as an administrator would. */
    public void edit(String cfg, String key, String value) throws IOException {
        Path file = home.resolve("etc").resolve(cfg);
        List<String> lines = new ArrayList<>(Files.exists(file) ? Files.readAllLines(file) : List.of());
        lines.removeIf(l -> l.startsWith(key + " ") || l.startsWith(key + "="));
        lines.add(key + " = " + value);
        Files.write(file, lines);
    }

    /** Starts Karaf in the background, its output going to {@code <name>.out} in its folder. */
    public void start(String name) throws IOException {
        karaf = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server").directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(home.resolve(name + ".out").toFile()).start();
    }

    /** Waits until {@code url} answers with {@code expected} in its body, at most 180 s after {@code since}. */
    public static void await(String url, String expected, long since) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
        while (true) {
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body().contains(expected)) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() - since > 180_000_000_000L) {
                throw new IllegalStateException(url + " did not answer within 180 s");
            }
            Thread.sleep(50);
        }
    }

    /** Waits until both the recorder and OrkTrack answer their pings on the default ports (59140, 8080). */
    public void awaitPings() throws Exception {
        awaitPings(8080, 59140);
    }

    /** Waits until both the recorder and OrkTrack answer their pings. */
    public void awaitPings(int webPort, int recorderPort) throws Exception {
        long since = System.nanoTime();
        await("http://localhost:" + recorderPort + "/command?type=ping", "<success>true</success>", since);
        await("http://localhost:" + webPort + "/orktrack/command?cmd=ping", "comment=pong", since);
    }

    /** The Karaf JVM's process id. */
    public long pid() {
        return Processes.jvm(karaf).pid();
    }

    /** utime and stime of the Karaf JVM, in clock ticks (1/100 s). */
    public long[] cpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid() + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
    }

    /** A memory figure of the Karaf JVM from /proc ({@code VmRSS} now, {@code VmHWM} peak), in kB. */
    public long memoryKb(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        return -1;
    }

    /** Kills the Karaf JVM at once, as {@code kill -9} does: no shutdown hook, no clean stop. */
    public void kill() throws InterruptedException {
        if (karaf != null) {
            ProcessHandle jvm = Processes.jvm(karaf);
            jvm.destroyForcibly();
            jvm.onExit().join();
            karaf.waitFor();
            karaf = null;
        }
    }

    /** Stops Karaf and waits for it to exit. */
    @Override
    public void close() throws Exception {
        if (karaf != null) {
            Processes.run(home, home.resolve("bin/stop").toString());
            karaf.waitFor();
            karaf = null;
        }
    }
}
