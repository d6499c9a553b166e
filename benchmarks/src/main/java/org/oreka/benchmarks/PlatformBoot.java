package org.oreka.benchmarks;

import java.nio.file.Path;

import org.oreka.testing.Distribution;

/**
 * Measures how long the assembled distribution takes from process start until both the recorder's and
 * OrkTrack's pings answer, and the resident memory of the Karaf JVM at that moment; first boot (empty data
 * folder) and restarts. Uses the default ports (8080, 59140), which must be free.
 *
 * <p>Usage: {@code PlatformBoot <distribution.tar.gz> <work folder> [restarts]}
 */
public final class PlatformBoot {

    private PlatformBoot() {
    }

    public static void main(String[] args) throws Exception {
        Distribution distribution = Distribution.unpack(Path.of(args[0]), Path.of(args[1]));
        int restarts = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        System.out.printf("%-12s %10s %10s%n", "boot", "seconds", "RSS MB");
        for (int i = 0; i <= restarts; i++) {
            long start = System.nanoTime();
            distribution.start("boot-benchmark");
            try (distribution) {
                distribution.awaitPings();
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("%-12s %10.1f %10d%n", i == 0 ? "first" : "restart " + i, seconds,
                        distribution.memoryKb("VmRSS") / 1024);
            }
        }
    }
}
