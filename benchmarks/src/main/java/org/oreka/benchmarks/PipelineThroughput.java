package org.oreka.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.oreka.testing.Distribution;

import org.oreka.testing.CallCaptureWriter;
import org.oreka.testing.SyntheticCall;

/**
 * The whole recorder pipeline in the assembled distribution, measured: a capture of N concurrent two-way G.711
 * calls is replayed by the capture-file source (capture file, packet decoding, SIP, session tracking, journals,
 * the tape-processor chain, BatchProcessing to stereo WAV files on disk), after a warm-up capture, and the Karaf
 * JVM's CPU time from the configuration edit until the last WAV file is complete gives packets per CPU-second.
 * Peak heap (sampled with jstat) and peak RSS (VmHWM) are reported too.
 *
 * <p>Usage: {@code PipelineThroughput <distribution.tar.gz> <work folder> <calls> <seconds per call>}
 */
public final class PipelineThroughput {

    private static final int WARM_UP_ROUNDS = 15;

    private PipelineThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Distribution distribution = Distribution.unpack(Path.of(args[0]), Path.of(args[1]));
        Path work = Path.of(args[1]);
        int calls = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);

        Path capture = work.resolve("calls-" + calls + "x" + seconds + "s.pcap");
        List<SyntheticCall> list = CallCaptureWriter.concurrentCalls(calls, seconds * 1000L, 10);
        long packets = CallCaptureWriter.write(capture, list, 1_764_000_000_000_000L);
        System.out.printf("capture: %d calls of %d s, %,d packets, %,d MB%n", calls, seconds, packets, Files.size(capture) >> 20);
        List<SyntheticCall> warmCalls = CallCaptureWriter.concurrentCalls(50, 20_000, 10);
        List<Path> warmUps = new java.util.ArrayList<>();
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            // Each round later than the one before: the recorder's capture clock only moves forward.
            Path warmUp = work.resolve("warm-up-" + round + ".pcap");
            CallCaptureWriter.write(warmUp, warmCalls, 1_763_000_000_000_000L + round * 100_000_000L);
            warmUps.add(warmUp);
        }

        Path home = distribution.home;
        distribution.edit("org.oreka.audio.cfg", "TapeProcessors", "BatchProcessing");
        distribution.edit("org.oreka.audio.cfg", "StereoRecording", "true");
        // The recorder alone: no tracker, so OrkTrack's ingestion (and its JIT compilation) stays out of the figure.
        distribution.edit("org.oreka.audio.cfg", "TrackerHostname", "");

        distribution.start("benchmark");
        try (distribution) {
            distribution.awaitPings();
            long pid = distribution.pid();
            // Warm the JIT up so the measurement is of the running recorder, not of compiling it: one small replay left
            // C2 compiling through the measured one.
            long warmWavs = 0;
            for (Path warmUp : warmUps) {
                warmWavs = replay(home, warmUp, warmCalls.size(), warmWavs);
            }
            // The warm-up's files go and reach the disk first, so the measured replay writes into the same state of
            // the file system every time (this VM's cost of writing varies with what is already dirty).
            deleteRecordings(home.resolve("data/audio"));
            warmWavs = 0;
            new ProcessBuilder("sync").inheritIO().start().waitFor();
            Thread.sleep(2000);
            AtomicLong peakHeap = new AtomicLong();
            Process jstat = new ProcessBuilder("jstat", "-gc", Long.toString(pid), "250").redirectErrorStream(true).start();
            Thread sampler = new Thread(() -> sampleHeap(jstat, peakHeap));
            sampler.setDaemon(true);
            sampler.start();

            long[] cpuBefore = distribution.cpuTicks();
            long wallBefore = System.nanoTime();
            long wavs = replay(home, capture, calls, warmWavs) - warmWavs;
            double wall = (System.nanoTime() - wallBefore) / 1e9;
            long[] cpuAfter = distribution.cpuTicks();
            jstat.destroy();
            double user = (cpuAfter[0] - cpuBefore[0]) / 100.0;
            double system = (cpuAfter[1] - cpuBefore[1]) / 100.0;
            double cpu = user + system;

            System.out.printf("recordings written: %d stereo WAV files%n", wavs);
            System.out.printf("replay wall time: %.1f s, Karaf CPU time: %.2f s (user %.2f s, system %.2f s)%n", wall, cpu,
                    user, system);
            System.out.printf("throughput: %,.0f packets per CPU-second, %,.0f packets per wall-second%n", packets / cpu, packets / wall);
            System.out.printf("peak heap used: %,d MB, peak RSS: %,d MB%n", peakHeap.get() >> 20,
                    distribution.memoryKb("VmHWM") >> 10);
        }
    }

    /**
     * Has the recorder's capture-file source replay a capture (by writing its configuration, as an administrator
     * would: no shell session whose own cost would be counted) and waits until every call of it is a WAV file and
     * no journal or partial file is left.
     *
     * @return the number of WAV files under the audio folder
     */
    private static void deleteRecordings(Path audio) throws java.io.IOException {
        try (var files = Files.walk(audio)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.delete(file);
            }
        }
    }

    private static long replay(Path home, Path capture, int calls, long wavsBefore) throws Exception {
        Path audio = home.resolve("data/audio");
        Files.writeString(home.resolve("etc/org.oreka.audio.capture.file.cfg"),
                "PcapFile = " + capture + "\nPcapFastReplay = true\n");
        long deadline = System.nanoTime() + 3_600_000_000_000L;
        while (System.nanoTime() < deadline) {
            long wavs = count(audio, ".wav");
            if (wavs >= wavsBefore + calls && count(audio, ".mcf") == 0 && count(audio, ".part") == 0) {
                return wavs;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the recordings of " + capture + " did not appear within an hour");
    }

    /** Files under {@code folder} ending with {@code suffix}; -1 when a file vanished while counting. */
    private static long count(Path folder, String suffix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).count();
        } catch (java.io.UncheckedIOException e) {
            return -1;
        }
    }

    /** Reads jstat -gc lines and keeps the largest used heap (survivors + eden + old). */
    private static void sampleHeap(Process jstat, AtomicLong peak) {
        try (var reader = jstat.inputReader()) {
            List<String> header = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cells = line.trim().split("\\s+");
                if (cells[0].equals("S0C")) {
                    header = List.of(cells);
                    continue;
                }
                if (header.isEmpty()) {
                    continue;
                }
                double used = 0;
                for (String column : new String[] {"S0U", "S1U", "EU", "OU"}) {
                    used += Double.parseDouble(cells[header.indexOf(column)]);
                }
                long bytes = (long) (used * 1024);
                peak.accumulateAndGet(bytes, Math::max);
            }
        } catch (IOException | RuntimeException e) {
            // jstat ended
        }
    }

}
