package org.oreka.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.oreka.testing.CallCaptureWriter;
import org.oreka.testing.Distribution;

/**
 * End-to-end latency from a call's end to its ready row in OrkTrack's database, measured on the assembled
 * distribution with the recorder and OrkTrack in one Karaf: a capture of calls ending 200 ms apart is replayed at
 * its own pace, a live event stream client notes when each call's {@code stage=stop} is announced (the BYE, plus
 * the half second the recorder waits for RTP still in flight), and OrkTrack's {@code readyAt} of each tape is read
 * from the database afterwards. The chain is {@code BatchProcessing, Reporting}, stereo WAV.
 *
 * <p>Usage: {@code ReportingLatency <distribution.tar.gz> <work folder> <calls>}
 */
public final class ReportingLatency {

    private ReportingLatency() {
    }

    public static void main(String[] args) throws Exception {
        int calls = Integer.parseInt(args[2]);
        Path work = Path.of(args[1]).toAbsolutePath();
        Map<String, Long> stopped = new ConcurrentHashMap<>();
        Map<String, Long> announcedReady = new ConcurrentHashMap<>();
        try (Distribution karaf = Distribution.unpack(Path.of(args[0]), work)) {
            karaf.edit("org.oreka.audio.cfg", "TapeProcessors", "BatchProcessing, Reporting");
            karaf.edit("org.oreka.audio.cfg", "StereoRecording", "true");
            karaf.start("latency");
            karaf.awaitPings();
            Distribution.await("http://localhost:8080/orktrack/command?type=tape", "ERROR_MISSING_PARAMETER", System.nanoTime());
            awaitInit(karaf.home.resolve("data/log/messages.log"));
            Thread listener = listen(stopped, announcedReady);
            Path capture = work.resolve("calls.pcap");
            CallCaptureWriter.write(capture, CallCaptureWriter.concurrentCalls(calls, 5_000, 200),
                    System.currentTimeMillis() * 1000);
            karaf.edit("org.oreka.audio.capture.file.cfg", "PcapFastReplay", "false");
            karaf.edit("org.oreka.audio.capture.file.cfg", "PcapFile", capture.toString());
            long deadline = System.currentTimeMillis() + 120_000 + calls * 500L;
            while (announcedReady.size() < calls && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            Thread.sleep(3000); // the last ready messages reach OrkTrack
            listener.interrupt();
            if (announcedReady.size() < calls) {
                throw new IllegalStateException("only " + announcedReady.size() + " of " + calls + " calls were ready");
            }
        }
        long[] total = new long[calls];
        long[] chain = new long[calls];
        long[] delivery = new long[calls];
        int i = 0;
        for (Map.Entry<String, Long> row : readyRows(work).entrySet()) {
            Long stop = stopped.get(row.getKey());
            Long ready = announcedReady.get(row.getKey());
            if (stop != null && ready != null && i < calls) {
                total[i] = (row.getValue() - stop) * 1_000_000L;
                chain[i] = (ready - stop) * 1_000_000L;
                delivery[i++] = (row.getValue() - ready) * 1_000_000L;
            }
        }
        if (i < calls) {
            throw new IllegalStateException("only " + i + " of " + calls + " ready rows match a stop and a ready event");
        }
        System.out.printf("%d calls (BatchProcessing, Reporting, stereo WAV):%n", calls);
        report("stop announced -> ready row in OrkTrack's database", total);
        report("  stop -> ready announced (the chain)", chain);
        report("  ready announced -> ready row (reporting)", delivery);
    }

    private static void report(String what, long[] nanos) {
        Arrays.sort(nanos);
        System.out.printf("  %-52s p50 %5.0f ms, p95 %5.0f ms, max %5.0f ms%n", what, Percentiles.millis(nanos, 50),
                Percentiles.millis(nanos, 95), nanos[nanos.length - 1] / 1e6);
    }

    /** Waits until Reporting's handshake with OrkTrack succeeded, so that the measurement starts in steady state. */
    private static void awaitInit(Path messagesLog) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!(Files.exists(messagesLog) && Files.readString(messagesLog).contains("init connection:true success:true"))) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("Reporting's init handshake did not succeed within 60 s");
            }
            Thread.sleep(100);
        }
    }

    /** Reads the event stream in the background, noting when each recording's stop and ready are announced. */
    private static Thread listen(Map<String, Long> stopped, Map<String, Long> ready) throws IOException {
        Socket socket = new Socket("localhost", 59150);
        socket.getOutputStream().write("GET /command?type=streamevents HTTP/1.1\r\nHost: localhost\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        Thread thread = new Thread(() -> {
            try (socket) {
                for (String line = in.readLine(); line != null && !Thread.interrupted(); line = in.readLine()) {
                    long now = System.currentTimeMillis();
                    if (line.startsWith("type=tape&")) {
                        String recid = line.replaceAll(".*&recid=([^&]*)&.*", "$1");
                        if (line.contains("&stage=stop&")) {
                            stopped.putIfAbsent(recid, now);
                        } else if (line.contains("&stage=ready&")) {
                            ready.putIfAbsent(recid, now);
                        }
                    }
                }
            } catch (IOException e) {
                // the distribution stopped
            }
        }, "event-stream-client");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** OrkTrack's readyAt of every tape, in ms since the epoch, read from the stopped distribution's Derby. */
    private static Map<String, Long> readyRows(Path work) throws IOException, SQLException {
        Path database;
        try (var found = Files.walk(work)) {
            database = found.filter(p -> p.endsWith(Path.of("data", "derby", "oreka"))).findFirst().orElseThrow();
        }
        Map<String, Long> rows = new ConcurrentHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + database);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT recid, readyAt FROM orktape WHERE state = 'READY'")) {
            java.util.Calendar utc = java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC"));
            while (r.next()) {
                rows.put(r.getString(1), r.getTimestamp(2, utc).getTime());
            }
        }
        return rows;
    }
}
