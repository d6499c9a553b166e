package org.oreka.rfb.internal.fake;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * A VNC server on a local port for one client: RFB 3.8 with VNC Authentication against a password, then a desktop of one
 * colour; it reads whatever the client sends until {@link #disconnect()} drops the connection.
 */
public final class FakeVncServer implements AutoCloseable {

    private final ServerSocket listener;
    private final Thread thread;
    private final CountDownLatch connected = new CountDownLatch(1);
    private final boolean trickle;
    private volatile Socket socket;

    /**
     * @param response the expected answer to the all-zero challenge (from the password)
     */
    public FakeVncServer(byte[] response, int width, int height, int rgb) throws IOException {
        this(response, width, height, rgb, false);
    }

    /**
     * @param trickle after the first picture, begin a raw update of the whole desktop and send it a byte every half
     *        second, for ever
     */
    public FakeVncServer(byte[] response, int width, int height, int rgb, boolean trickle) throws IOException {
        this.trickle = trickle;
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(response, width, height, rgb), "fake-vnc");
        thread.setDaemon(true);
        thread.start();
    }

    /** Builds the expected response with the code under test's own DES, given the password. */
    public static FakeVncServer withPassword(Function<byte[], byte[]> responder, int width, int height, int rgb)
            throws IOException {
        return new FakeVncServer(responder.apply(new byte[16]), width, height, rgb);
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void serve(byte[] expected, int width, int height, int rgb) {
        try (Socket s = listener.accept()) {
            socket = s;
            connected.countDown();
            OutputStream out = s.getOutputStream();
            DataInputStream in = new DataInputStream(s.getInputStream());
            out.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[] {1, 2});
            in.readFully(new byte[12]);
            in.readUnsignedByte();
            out.write(new byte[16]);
            byte[] answer = new byte[16];
            in.readFully(answer);
            if (!Arrays.equals(answer, expected)) {
                out.write(new ServerStream().u32(1).text("Authentication failed").bytes());
                return;
            }
            out.write(new ServerStream().u32(0).bytes());
            in.readUnsignedByte();
            out.write(new ServerStream().serverInit(width, height).bytes());
            ServerStream desktop = new ServerStream().update(1).rect(0, 0, width, height, 2).u32(0).pixel(rgb);
            out.write(desktop.bytes());
            out.flush();
            if (trickle) {
                out.write(new ServerStream().update(1).rect(0, 0, width, height, 0).bytes());
                while (true) {
                    Thread.sleep(500);
                    out.write(0);
                    out.flush();
                }
            }
            byte[] sink = new byte[4096];
            while (in.read(sink) >= 0) {
                // requests are answered by nothing: the desktop does not change
            }
        } catch (IOException e) {
            // the client or the test went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Drops the connection, as a server that crashes. */
    public void disconnect() throws IOException, InterruptedException {
        connected.await();
        socket.close();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        Socket s = socket;
        if (s != null) {
            s.close();
        }
    }
}
