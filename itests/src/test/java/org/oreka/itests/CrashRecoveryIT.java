package org.oreka.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.Test;
import org.oreka.testing.CallCaptureWriter;
import org.oreka.testing.Distribution;

/**
 * Kill -9 in the middle of a replay: the distribution runs as a server of its own (Pax Exam cannot kill its
 * container), replays twenty 30-second calls at the capture's pace, and is killed once every call has started.
 * After a restart, every call is a recording complete up to the crash and a ready tape in OrkTrack, once.
 */
public class CrashRecoveryIT {

    private static final int CALLS = 20;

    @Test
    public void killedInTheMiddleOfAReplayEveryCallIsRecordedAndReportedOnce() throws Exception {
        Path work = Path.of("target", "crash-recovery").toAbsolutePath();
        Path capture = work.resolveSibling("crash-recovery-calls.pcap");
        Files.createDirectories(work.getParent());
        CallCaptureWriter.write(capture, CallCaptureWriter.concurrentCalls(CALLS, 30_000, 100),
                System.currentTimeMillis() * 1000);
        int web = freePort();
        int recorder = freePort();
        List<String> started = new ArrayList<>();
        try (Distribution karaf = Distribution.unpack(distribution(), work)) {
            karaf.edit("org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(web));
            karaf.edit("org.apache.karaf.shell.cfg", "sshPort", Integer.toString(freePort()));
            karaf.edit("org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(freePort()));
            karaf.edit("org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(freePort()));
            karaf.edit("org.oreka.audio.cfg", "HttpServerPort", Integer.toString(recorder));
            karaf.edit("org.oreka.audio.cfg", "EventStreamingServerPort", Integer.toString(freePort()));
            karaf.edit("org.oreka.audio.cfg", "TapeProcessors", "BatchProcessing, Reporting");
            karaf.edit("org.oreka.audio.cfg", "StereoRecording", "true");
            karaf.edit("org.oreka.audio.cfg", "TrackerHostname", "localhost:" + web);
            karaf.start("first");
            karaf.awaitPings(web, recorder);
            // The boot is over once OrkTrack's storage answers; a replay started earlier could be restarted by it.
            Distribution.await("http://localhost:" + web + "/orktrack/command?type=tape", "ERROR_MISSING_PARAMETER",
                    System.nanoTime());
            karaf.edit("org.oreka.audio.capture.file.cfg", "PcapFastReplay", "false");
            karaf.edit("org.oreka.audio.capture.file.cfg", "PcapFile", capture.toString());
            await("every call started", () -> files(karaf, ".mcf").size() == CALLS);
            Thread.sleep(8000);
            karaf.kill();
            started.addAll(orkuids(files(karaf, ".mcf")));
            assertEquals(CALLS, started.size());
            assertEquals("no call was finished before the crash", 0, files(karaf, ".wav").size());

            // The capture goes, so the restart cannot replay it again (Config Admin still has PcapFile at boot).
            Files.delete(capture);
            karaf.start("second");
            karaf.awaitPings(web, recorder);
            await("every recording written", () -> orkuids(files(karaf, ".wav")).equals(started));
            await("every message delivered", () -> delivered(karaf));
            List<Double> seconds = new ArrayList<>();
            for (Path wav : files(karaf, ".wav")) {
                seconds.add((Files.size(wav) - 44) / (8000.0 * 2 * 2));
            }
            double shortest = seconds.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double longest = seconds.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            assertTrue("audio up to the crash, not the whole call: " + seconds, shortest >= 7 && longest < 29);
            assertTrue("every call was cut at the same moment: " + seconds, longest - shortest <= 3);
        }
        Map<String, String> tapes = tapes(work);
        assertEquals(tapes.toString(), CALLS, tapes.size());
        assertTrue(tapes.toString(), tapes.values().stream().allMatch("READY"::equals));
        assertEquals(started, orkuids(tapes.keySet().stream().map(Path::of).toList()));
    }

    /** The orkuids of recording files, sorted. */
    private static List<String> orkuids(List<Path> files) {
        return files.stream().map(f -> f.getFileName().toString().replaceAll("\\..*", "")).sorted().toList();
    }

    /** The recordings' files with this extension under the audio folder. */
    private static List<Path> files(Distribution karaf, String extension) {
        Path audio = karaf.home.resolve("data/audio");
        if (!Files.isDirectory(audio)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(audio)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(extension)).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }

    /** Whether the tracker's position in the reporting queue is at its last message. */
    private static boolean delivered(Distribution karaf) {
        Path queue = karaf.home.resolve("data/reporting");
        try (Stream<Path> files = Files.list(queue)) {
            long last = 0;
            long cursor = -1;
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".cursor")) {
                    cursor = Long.parseLong(Files.readString(file).trim());
                } else if (name.startsWith("outbox-")) {
                    for (String line : Files.readAllLines(file)) {
                        last = Math.max(last, Long.parseLong(line.substring(0, line.indexOf(' '))));
                    }
                }
            }
            return last > 0 && cursor == last;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** OrkTrack's tapes (recid to state), read from the stopped distribution's database. */
    private static Map<String, String> tapes(Path work) throws Exception {
        Path database;
        try (Stream<Path> found = Files.walk(work)) {
            database = found.filter(p -> p.endsWith(Path.of("data", "derby", "oreka"))).findFirst().orElseThrow();
        }
        Map<String, String> tapes = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + database);
                Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT recid, state FROM orktape")) {
            while (r.next()) {
                tapes.put(r.getString(1), r.getString(2));
            }
        } finally {
            try {
                DriverManager.getConnection("jdbc:derby:" + database + ";shutdown=true").close();
            } catch (java.sql.SQLException expected) {
                // Derby reports a database shut down as an exception
            }
        }
        return tapes;
    }

    private static Path distribution() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "karaf-assembly", "target"))) {
            return files.filter(f -> f.getFileName().toString().matches("karaf-assembly-.*\\.tar\\.gz")).map(Path::toAbsolutePath).findFirst()
                    .orElseThrow(() -> new IllegalStateException("build karaf-assembly first"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(200);
        }
    }
}
