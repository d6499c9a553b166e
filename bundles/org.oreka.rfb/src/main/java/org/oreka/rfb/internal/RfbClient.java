package org.oreka.rfb.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * The client side of one RFB (VNC) connection, RFC 6143: protocol 3.3, 3.7 or 3.8, security None or VNC
 * Authentication, the pixel format set to 32-bit true colour, and framebuffer updates in Raw, CopyRect, RRE, Hextile or
 * ZRLE (and DesktopSize) drawn into a {@link Framebuffer}.
 *
 * <p>A server is not trusted: every rectangle must lie on the desktop, every length and count is capped, a read that
 * stalls times out, and anything else is refused with an {@link RfbException} naming what was wrong. One thread uses a
 * client at a time.
 */
final class RfbClient implements AutoCloseable {

    static final int ENCODING_RAW = 0;
    static final int ENCODING_COPY_RECT = 1;
    static final int ENCODING_RRE = 2;
    static final int ENCODING_HEXTILE = 5;
    static final int ENCODING_ZRLE = 16;
    static final int ENCODING_DESKTOP_SIZE = -223;
    /** Preferred first. */
    private static final int[] ENCODINGS = {ENCODING_ZRLE, ENCODING_HEXTILE, ENCODING_RRE, ENCODING_COPY_RECT, ENCODING_RAW,
        ENCODING_DESKTOP_SIZE};

    static final int SECURITY_INVALID = 0;
    static final int SECURITY_NONE = 1;
    static final int SECURITY_VNC = 2;

    /** Reason strings, desktop names and cut text longer than this are refused. */
    static final int MAX_TEXT_BYTES = 1 << 20;

    /** What {@link #readMessage(long)} read. */
    enum Message {
        /** Nothing arrived in time. */
        NONE,
        /** A framebuffer update, wholly drawn. */
        UPDATE,
        /** A bell, cut text or colour map entries (nothing to draw). */
        OTHER
    }

    private final Socket socket;
    private final int readTimeoutMillis;
    private final DataInputStream in;
    private final DataOutputStream out;
    private final ZrleDecoder zrle = new ZrleDecoder();
    private Framebuffer framebuffer;
    private String version = "";
    private String desktopName = "";

    /** A client over streams (tests); {@link #readMessage(long)} then blocks until a message comes. */
    RfbClient(InputStream in, OutputStream out) {
        this(null, in, out, 0);
    }

    private RfbClient(Socket socket, InputStream in, OutputStream out, int readTimeoutMillis) {
        this.socket = socket;
        this.readTimeoutMillis = readTimeoutMillis;
        this.in = new DataInputStream(new BufferedInputStream(in, 1 << 16));
        this.out = new DataOutputStream(new BufferedOutputStream(out, 1 << 12));
    }

    /**
     * Connects to a VNC server and completes the handshake.
     *
     * @param password the VNC password, or an empty string when the server asks for none
     * @throws IOException when the server cannot be reached, refuses the password or breaks the protocol; nothing is
     *         left open then
     */
    static RfbClient connect(String host, int port, String password, int connectTimeoutMillis, int readTimeoutMillis)
            throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
            socket.setSoTimeout(readTimeoutMillis);
            socket.setTcpNoDelay(true);
            RfbClient client = new RfbClient(socket, socket.getInputStream(), socket.getOutputStream(), readTimeoutMillis);
            client.handshake(password);
            return client;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * The protocol version, security, ServerInit, and our pixel format and encodings.
     *
     * @throws RfbException when the server refuses us or breaks the protocol
     */
    void handshake(String password) throws IOException {
        byte[] banner = new byte[12];
        in.readFully(banner);
        String text = new String(banner, StandardCharsets.US_ASCII);
        if (!text.matches("RFB \\d{3}\\.\\d{3}\n")) {
            throw new RfbException("not a VNC server (it said '" + text.strip() + "')");
        }
        int major = Integer.parseInt(text.substring(4, 7));
        int minor = Integer.parseInt(text.substring(8, 11));
        if (major != 3) {
            throw new RfbException("RFB protocol " + text.substring(4, 11) + " is not supported (3.3, 3.7, 3.8)");
        }
        int ours = minor >= 8 ? 8 : minor == 7 ? 7 : 3;
        version = "3." + ours;
        out.write(String.format("RFB 003.%03d\n", ours).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        int security = chooseSecurity(ours, !password.isEmpty());
        if (security == SECURITY_VNC) {
            byte[] challenge = new byte[VncAuthentication.CHALLENGE_BYTES];
            in.readFully(challenge);
            out.write(VncAuthentication.response(challenge, password));
            out.flush();
        }
        if (security == SECURITY_VNC || ours == 8) {
            int result = in.readInt();
            if (result != 0) {
                String reason = ours == 8 ? reason() : "";
                throw new RfbException("VNC authentication failed" + (reason.isEmpty() ? " (wrong password?)" : ": " + reason));
            }
        }
        out.writeByte(1); // shared: the agent's own viewers stay connected
        out.flush();
        int width = in.readUnsignedShort();
        int height = in.readUnsignedShort();
        in.readFully(new byte[16]); // the server's pixel format, replaced by ours below
        desktopName = text(in.readInt());
        framebuffer = new Framebuffer(width, height);
        setPixelFormat();
        setEncodings();
    }

    private int chooseSecurity(int minor, boolean havePassword) throws IOException {
        if (minor == 3) {
            int type = in.readInt();
            if (type == SECURITY_INVALID) {
                throw new RfbException("the VNC server refused the connection: " + reason());
            }
            if (type != SECURITY_NONE && type != SECURITY_VNC) {
                throw new RfbException("the VNC server wants security type " + type + " (only None and VNC Authentication are supported)");
            }
            if (type == SECURITY_VNC && !havePassword) {
                throw new RfbException("the VNC server requires a password and none was given");
            }
            return type;
        }
        int count = in.readUnsignedByte();
        if (count == 0) {
            throw new RfbException("the VNC server refused the connection: " + reason());
        }
        byte[] types = new byte[count];
        in.readFully(types);
        boolean none = false;
        boolean vnc = false;
        for (byte type : types) {
            none |= type == SECURITY_NONE;
            vnc |= type == SECURITY_VNC;
        }
        int chosen;
        if (vnc && (havePassword || !none)) {
            if (!havePassword) {
                throw new RfbException("the VNC server requires a password and none was given");
            }
            chosen = SECURITY_VNC;
        } else if (none) {
            chosen = SECURITY_NONE;
        } else {
            throw new RfbException("the VNC server offers no supported security type (only None and VNC Authentication are)");
        }
        out.writeByte(chosen);
        out.flush();
        return chosen;
    }

    private void setPixelFormat() throws IOException {
        out.writeByte(0);
        out.write(new byte[3]);
        out.writeByte(32); // bits per pixel
        out.writeByte(24); // depth
        out.writeByte(0); // little-endian
        out.writeByte(1); // true colour
        out.writeShort(255);
        out.writeShort(255);
        out.writeShort(255);
        out.writeByte(16); // red shift
        out.writeByte(8); // green shift
        out.writeByte(0); // blue shift
        out.write(new byte[3]);
        out.flush();
    }

    private void setEncodings() throws IOException {
        out.writeByte(2);
        out.writeByte(0);
        out.writeShort(ENCODINGS.length);
        for (int encoding : ENCODINGS) {
            out.writeInt(encoding);
        }
        out.flush();
    }

    /** Asks for the whole desktop, or with {@code incremental} for what changed since the last update. */
    void requestUpdate(boolean incremental) throws IOException {
        out.writeByte(3);
        out.writeByte(incremental ? 1 : 0);
        out.writeShort(0);
        out.writeShort(0);
        out.writeShort(framebuffer.width());
        out.writeShort(framebuffer.height());
        out.flush();
    }

    /**
     * Reads and applies the next server message, waiting up to {@code waitMillis} for it to begin (over a socket);
     * once a message has begun, its rest must come within the read timeout.
     */
    Message readMessage(long waitMillis) throws IOException {
        int type;
        if (socket != null) {
            socket.setSoTimeout((int) Math.max(1, Math.min(waitMillis, Integer.MAX_VALUE)));
            try {
                type = in.read();
            } catch (SocketTimeoutException e) {
                return Message.NONE;
            } finally {
                socket.setSoTimeout(readTimeoutMillis);
            }
        } else {
            type = in.read();
        }
        switch (type) {
            case -1:
                throw new EOFException("the VNC server closed the connection");
            case 0:
                update();
                return Message.UPDATE;
            case 1:
                in.readUnsignedByte();
                in.readUnsignedShort();
                skip(in.readUnsignedShort() * 6L);
                return Message.OTHER;
            case 2:
                return Message.OTHER;
            case 3:
                in.readFully(new byte[3]);
                long length = in.readInt() & 0xffffffffL;
                if (length > MAX_TEXT_BYTES) {
                    throw new RfbException("cut text of " + length + " bytes is longer than " + MAX_TEXT_BYTES);
                }
                skip(length);
                return Message.OTHER;
            default:
                throw new RfbException("unknown server message type " + type);
        }
    }

    private void update() throws IOException {
        in.readUnsignedByte();
        int rectangles = in.readUnsignedShort();
        for (int r = 0; r < rectangles; r++) {
            int x = in.readUnsignedShort();
            int y = in.readUnsignedShort();
            int w = in.readUnsignedShort();
            int h = in.readUnsignedShort();
            int encoding = in.readInt();
            if (encoding == ENCODING_DESKTOP_SIZE) {
                framebuffer.resize(w, h);
                continue;
            }
            framebuffer.check(x, y, w, h);
            switch (encoding) {
                case ENCODING_RAW -> framebuffer.readRaw(in, x, y, w, h);
                case ENCODING_COPY_RECT -> {
                    int srcX = in.readUnsignedShort();
                    int srcY = in.readUnsignedShort();
                    framebuffer.check(srcX, srcY, w, h);
                    framebuffer.copy(srcX, srcY, x, y, w, h);
                }
                case ENCODING_RRE -> rre(x, y, w, h);
                case ENCODING_HEXTILE -> hextile(x, y, w, h);
                case ENCODING_ZRLE -> zrle.decode(in, framebuffer, x, y, w, h);
                default -> throw new RfbException("rectangle in encoding " + encoding + ", which was not asked for");
            }
        }
    }

    private void rre(int x, int y, int w, int h) throws IOException {
        long subrectangles = in.readInt() & 0xffffffffL;
        if (subrectangles > (long) w * h) {
            throw new RfbException("RRE rectangle of " + w + "x" + h + " claims " + subrectangles + " subrectangles");
        }
        framebuffer.fill(x, y, w, h, pixel());
        for (long i = 0; i < subrectangles; i++) {
            int pixel = pixel();
            int sx = in.readUnsignedShort();
            int sy = in.readUnsignedShort();
            int sw = in.readUnsignedShort();
            int sh = in.readUnsignedShort();
            if (sx + sw > w || sy + sh > h) {
                throw new RfbException("RRE subrectangle " + sw + "x" + sh + " at " + sx + "," + sy + " is outside its "
                        + w + "x" + h + " rectangle");
            }
            framebuffer.fill(x + sx, y + sy, sw, sh, pixel);
        }
    }

    private void hextile(int x, int y, int w, int h) throws IOException {
        int background = 0;
        int foreground = 0;
        for (int ty = y; ty < y + h; ty += 16) {
            int th = Math.min(16, y + h - ty);
            for (int tx = x; tx < x + w; tx += 16) {
                int tw = Math.min(16, x + w - tx);
                int mask = in.readUnsignedByte();
                if ((mask & 1) != 0) {
                    framebuffer.readRaw(in, tx, ty, tw, th);
                    continue;
                }
                if ((mask & 2) != 0) {
                    background = pixel();
                }
                framebuffer.fill(tx, ty, tw, th, background);
                if ((mask & 4) != 0) {
                    foreground = pixel();
                }
                if ((mask & 8) == 0) {
                    continue;
                }
                int subrectangles = in.readUnsignedByte();
                boolean coloured = (mask & 16) != 0;
                for (int i = 0; i < subrectangles; i++) {
                    int pixel = coloured ? pixel() : foreground;
                    int xy = in.readUnsignedByte();
                    int wh = in.readUnsignedByte();
                    int sx = xy >>> 4;
                    int sy = xy & 15;
                    int sw = (wh >>> 4) + 1;
                    int sh = (wh & 15) + 1;
                    if (sx + sw > tw || sy + sh > th) {
                        throw new RfbException("Hextile subrectangle " + sw + "x" + sh + " at " + sx + "," + sy
                                + " is outside its " + tw + "x" + th + " tile");
                    }
                    framebuffer.fill(tx + sx, ty + sy, sw, sh, pixel);
                }
            }
        }
    }

    /** A 32-bit pixel in our little-endian pixel format. */
    private int pixel() throws IOException {
        return Integer.reverseBytes(in.readInt());
    }

    private String reason() throws IOException {
        return text(in.readInt());
    }

    private String text(int length) throws IOException {
        if (length < 0 || length > MAX_TEXT_BYTES) {
            throw new RfbException("a text of " + (length & 0xffffffffL) + " bytes is longer than " + MAX_TEXT_BYTES);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private void skip(long bytes) throws IOException {
        byte[] buffer = new byte[(int) Math.min(bytes, 8192)];
        for (long left = bytes; left > 0;) {
            int n = (int) Math.min(left, buffer.length);
            in.readFully(buffer, 0, n);
            left -= n;
        }
    }

    Framebuffer framebuffer() {
        return framebuffer;
    }

    /** The protocol version agreed, {@code 3.3}, {@code 3.7} or {@code 3.8}. */
    String version() {
        return version;
    }

    String desktopName() {
        return desktopName;
    }

    /**
     * Drops the connection from another thread, so that a read blocked on a server trickling its data ends at once
     * (with an IOException in the reading thread, which then {@link #close()}s).
     */
    void abort() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException e) {
            // closed already
        }
    }

    @Override
    public void close() {
        zrle.close();
        try {
            if (socket != null) {
                socket.close();
            } else {
                in.close();
                out.close();
            }
        } catch (IOException e) {
            // nothing is left to release
        }
    }
}
