package org.oreka.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real desktop behind a real VNC server for screen-recording tests: Debian's {@code Xvfb} on a display it picks
 * itself, painted a solid colour with {@code xsetroot}, served by {@code x11vnc} on a free loopback port with a VNC
 * password ({@code -rfbauth}).
 */
public final class VncDesktop implements AutoCloseable {

    private final Path folder;
    private final Process xvfb;
    private final Process x11vnc;
    private final String display;
    private final int port;

    private VncDesktop(Path folder, Process xvfb, String display, Process x11vnc, int port) {
        this.folder = folder;
        this.xvfb = xvfb;
        this.display = display;
        this.x11vnc = x11vnc;
        this.port = port;
    }

    /** Starts a {@code width x height} desktop served with the VNC password {@code password}. */
    public static VncDesktop start(int width, int height, String password) throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("vncdesktop-");
        // -noreset: otherwise the X server resets (and forgets the root colour) whenever its last client leaves,
        // as xsetroot does before x11vnc connects.
        Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", width + "x" + height + "x24",
                "-nolisten", "tcp", "-noreset").redirectError(folder.resolve("xvfb.log").toFile()).start();
        String display;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII));
            String line = out.readLine();
            if (line == null || !line.strip().matches("\\d+")) {
                throw new IOException("Xvfb did not start: " + Files.readString(folder.resolve("xvfb.log")));
            }
            display = ":" + line.strip();
            Path passwordFile = folder.resolve("passwd");
            run("x11vnc", "-storepasswd", password, passwordFile.toString());
            int port = freePort();
            Process x11vnc = new ProcessBuilder("x11vnc", "-display", display, "-rfbauth", passwordFile.toString(), "-rfbport",
                    Integer.toString(port), "-localhost", "-forever", "-shared", "-quiet")
                    .redirectErrorStream(true).redirectOutput(folder.resolve("x11vnc.log").toFile()).start();
            VncDesktop desktop = new VncDesktop(folder, xvfb, display, x11vnc, port);
            desktop.awaitListening();
            return desktop;
        } catch (IOException | InterruptedException | RuntimeException e) {
            xvfb.destroyForcibly();
            throw e;
        }
    }

    /** The VNC port (on 127.0.0.1). */
    public int port() {
        return port;
    }

    /** Paints the whole desktop one colour, {@code 0xRRGGBB}. */
    public void paint(int rgb) throws IOException, InterruptedException {
        run("xsetroot", "-display", display, "-solid", String.format("#%06x", rgb));
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException e) {
                if (!x11vnc.isAlive() || System.nanoTime() > deadline) {
                    close();
                    throw new IOException("x11vnc did not listen on " + port + ": " + Files.readString(folder.resolve("x11vnc.log")));
                }
                Thread.sleep(100);
            }
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops x11vnc and Xvfb. */
    @Override
    public void close() {
        for (Process process : new Process[] {x11vnc, xvfb}) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            Processes.deleteRecursively(folder);
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }
}
