package org.oreka.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.oreka.testing.Distribution;

/**
 * OrkTrack's tape ingestion over HTTP into the embedded Derby database of the assembled distribution, measured:
 * concurrent clients (each one recorder's reporting connection, HTTP/1.1 keep-alive) send {@code start},
 * {@code stop} and {@code ready} for their calls in Oreka's wire format and wait for each answer, after a warm-up.
 * Reports messages per second, per-message latency percentiles and the Karaf JVM's CPU time. Every answer must be
 * a success, and every ready must keep its recording (no programs are configured).
 *
 * <p>Usage: {@code TapeIngestionThroughput <distribution.tar.gz> <work folder> <calls> <clients>}
 */
public final class TapeIngestionThroughput {

    private static final String TRACKER = "http://localhost:8080/orktrack/command?";
    private static final String COMMAND = "/orktrack/command?";

    private TapeIngestionThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int calls = Integer.parseInt(args[2]);
        int clients = Integer.parseInt(args[3]);
        try (Distribution distribution = Distribution.unpack(Path.of(args[0]), Path.of(args[1]))) {
            distribution.start("ingestion");
            distribution.awaitPings();
            // The ping answers before OrkTrack's database is migrated and its tape command is registered.
            Distribution.await(TRACKER + "type=tape", "returncode=ERROR_MISSING_PARAMETER", System.nanoTime());
            send("WARM", Math.max(10_000, calls / 4), clients);
            long[] cpuBefore = distribution.cpuTicks();
            long clientCpuBefore = clientCpuNanos();
            long start = System.nanoTime();
            long[] latencies = send("MEAS", calls, clients);
            double wall = (System.nanoTime() - start) / 1e9;
            long[] cpuAfter = distribution.cpuTicks();
            double cpu = (cpuAfter[0] + cpuAfter[1] - cpuBefore[0] - cpuBefore[1]) / 100.0;
            double clientCpu = (clientCpuNanos() - clientCpuBefore) / 1e9;
            Arrays.sort(latencies);
            System.out.printf("tape messages: %,d (%,d calls x start/stop/ready) from %d clients in %.1f s%n",
                    latencies.length, calls, clients, wall);
            System.out.printf("throughput: %,.0f messages per second; Karaf CPU %.1f s (%,.0f messages per CPU-second)%n",
                    latencies.length / wall, cpu, latencies.length / cpu);
            System.out.printf("load generator CPU (same machine): %.1f s%n", clientCpu);
            System.out.printf("latency per message: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    Percentiles.millis(latencies, 50), Percentiles.millis(latencies, 95), Percentiles.millis(latencies, 99),
                    latencies[latencies.length - 1] / 1e6);
            System.out.printf("Karaf RSS: %,d MB%n", distribution.memoryKb("VmRSS") / 1024);
        }
    }

    private static long clientCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Sends the three messages of {@code calls} calls from {@code clients} threads; returns each message's latency in ns. */
    private static long[] send(String run, int calls, int clients) throws Exception {
        long[] latencies = new long[calls * 3];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        long epoch = System.currentTimeMillis() / 1000 - 86_400;
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                try (KeepAliveConnection connection = new KeepAliveConnection("localhost", 8080)) {
                    for (int call = next.getAndIncrement(); call < calls; call = next.getAndIncrement()) {
                        String recid = String.format("20260101_000000_%s%07d", run, call);
                        int i = 0;
                        for (String stage : new String[] {"start", "stop", "ready"}) {
                            String body = message(connection, recid, stage, epoch + call % 86_400, call, latencies,
                                    call * 3 + i++);
                            if (!body.contains("success=true") || stage.equals("ready") && !body.contains("deletetape=false")) {
                                throw new IllegalStateException(recid + " " + stage + ": " + body);
                            }
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return latencies;
    }

    private static String message(KeepAliveConnection connection, String recid, String stage, long timestamp, int call, long[] latencies,
            int slot) throws Exception {
        String port = recid.substring(16);
        String query = "type=tape&recid=" + recid + "&stage=" + stage + "&captureport=" + port + "&timestamp=" + timestamp
                + "&filename=2026%2F01%2F01%2F00%2F" + recid + (stage.equals("start") ? "" : ".wav") + "&localparty="
                + (5000 + call % 2000) + "&localentrypoint=&remoteparty=514555" + (1000 + call % 9000) + "&direction="
                + (call % 2 == 0 ? "in" : "out") + "&duration=" + (stage.equals("start") ? 0 : 30 + call % 300)
                + "&service=orkaudio-bench&localip=10.0.0.5&remoteip=10.0.0.1&nativecallid=" + recid
                + "%40pbx&tags=&ondemand=false&side=both&live=true&hostname=bench&";
        long sent = System.nanoTime();
        String body = connection.get(COMMAND + query);
        latencies[slot] = System.nanoTime() - sent;
        return body;
    }
}
