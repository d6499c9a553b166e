package org.oreka.itests;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for a test run, from Debian's {@code postgresql} package: a new cluster in a
 * temporary folder on a free port, trusting local connections, removed when the test JVM exits. As root it runs
 * as the {@code postgres} user, since PostgreSQL refuses to run as root.
 */
final class PostgresServer {

    static final String DATABASE = "oreka";
    static final String USER = "oreka";

    private final Path folder;
    private final Path bin;
    private final int port;
    private final boolean asPostgres;

    private PostgresServer(Path folder, Path bin, int port, boolean asPostgres) {
        this.folder = folder;
        this.bin = bin;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** Creates, starts and fills a cluster with an empty {@value #DATABASE} database owned by {@value #USER}. */
    static PostgresServer start() throws IOException, InterruptedException {
        Path bin = binaries();
        Path folder = Files.createTempDirectory("oreka-postgres");
        boolean asPostgres = "root".equals(System.getProperty("user.name"));
        if (asPostgres) {
            run(List.of("chown", "postgres", folder.toString()));
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PostgresServer server = new PostgresServer(folder, bin, port, asPostgres);
        server.pg("initdb", "-D", folder.resolve("data").toString(), "-A", "trust", "-U", USER, "-E", "UTF8");
        server.pg("pg_ctl", "-D", folder.resolve("data").toString(), "-w", "-l", folder.resolve("server.log").toString(), "-o",
                "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1", "start");
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        server.pg("createdb", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", USER, DATABASE);
        return server;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /**
     * Kills the server and removes its folder, at the test JVM's exit. It must be quick: Surefire halts a JVM whose
     * exit takes more than a few seconds, so the server is killed rather than asked to shut down.
     */
    private synchronized void stop() {
        try {
            long pid = Long.parseLong(Files.readAllLines(folder.resolve("data/postmaster.pid")).get(0).trim());
            ProcessHandle.of(pid).ifPresent(postmaster -> {
                postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
                postmaster.destroyForcibly();
                postmaster.onExit().join();
            });
        } catch (IOException | RuntimeException e) {
            System.err.println("PostgreSQL was not running: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not remove " + folder + ": " + e.getMessage());
        }
    }

    private void pg(String tool, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asPostgres) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(arguments));
        run(command);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    /** The newest PostgreSQL's programs under {@code /usr/lib/postgresql}. */
    private static Path binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            throw new IOException("PostgreSQL is not installed: scripts/prerequisites.sh test installs Debian's postgresql");
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IOException("no initdb under " + root));
        }
    }
}
