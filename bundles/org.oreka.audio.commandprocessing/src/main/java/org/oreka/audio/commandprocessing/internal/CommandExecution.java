package org.oreka.audio.commandprocessing.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one external command without a shell, with a time limit: when the limit passes (or the calling thread is
 * interrupted) the command and every process it started are killed. Keeps the end of what it printed.
 */
final class CommandExecution {

    /** How much of the command's output (stdout and stderr together) a failure report shows. */
    static final int TAIL_BYTES = 2048;

    /** How a command ended: its exit code (-1 when it was killed), whether it ran out of time, its last output. */
    record Outcome(int exitCode, boolean timedOut, String outputTail) {
        boolean succeeded() {
            return !timedOut && exitCode == 0;
        }
    }

    /** The program could not be started: it is not installed, or not executable. */
    static final class CannotStart extends IOException {
        private static final long serialVersionUID = 1L;

        CannotStart(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private CommandExecution() {
    }

    /**
     * Runs {@code arguments} in {@code directory} and waits for it at most {@code timeout}.
     *
     * @throws CannotStart when the program cannot be started
     * @throws IOException when the output cannot be kept in a temporary file
     * @throws InterruptedException when the thread was interrupted; the command has been killed
     */
    static Outcome run(List<String> arguments, Path directory, Duration timeout) throws IOException, InterruptedException {
        Path log = Files.createTempFile("commandprocessing-", ".log");
        try {
            Process process;
            try {
                process = new ProcessBuilder(arguments)
                        .directory(directory.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
            } catch (IOException e) {
                throw new CannotStart(e);
            }
            // A closed standard input: a command that asks a question (ffmpeg's "Overwrite?") reads end of file
            // instead of waiting for an answer that never comes.
            process.getOutputStream().close();
            boolean finished;
            try {
                finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                killTree(process);
                throw e;
            }
            if (!finished) {
                killTree(process);
                process.waitFor(5, TimeUnit.SECONDS);
                return new Outcome(-1, true, tail(log));
            }
            return new Outcome(process.exitValue(), false, tail(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Kills the process and all its descendants (a shell's children would otherwise live on). */
    private static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    /** The last {@link #TAIL_BYTES} bytes of the output, from the first whole line. */
    private static String tail(Path log) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            long start = Math.max(0, length - TAIL_BYTES);
            byte[] bytes = new byte[(int) (length - start)];
            file.seek(start);
            file.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (start > 0 && text.indexOf('\n') >= 0) {
                text = text.substring(text.indexOf('\n') + 1);
            }
            return text.strip();
        }
    }
}
