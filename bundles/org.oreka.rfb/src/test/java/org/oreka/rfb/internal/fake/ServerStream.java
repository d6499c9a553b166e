package org.oreka.rfb.internal.fake;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

/** What a VNC server sends, built message by message (big-endian, pixels in the client's little-endian format). */
public final class ServerStream {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);
    private final Deflater deflater = new Deflater();

    public ServerStream u8(int v) {
        return run(() -> out.writeByte(v));
    }

    public ServerStream u16(int v) {
        return run(() -> out.writeShort(v));
    }

    public ServerStream u32(int v) {
        return run(() -> out.writeInt(v));
    }

    public ServerStream raw(byte[] b) {
        return run(() -> out.write(b));
    }

    public ServerStream text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return u32(b.length).raw(b);
    }

    /** A pixel 0xRRGGBB in the 32-bit little-endian format the client asks for. */
    public ServerStream pixel(int rgb) {
        return raw(new byte[] {(byte) rgb, (byte) (rgb >>> 8), (byte) (rgb >>> 16), 0});
    }

    /** A 3.8 server offering None and VNC Authentication up to ServerInit, accepting whatever the client answers. */
    public static ServerStream handshake38(int width, int height, boolean vncAuth) {
        ServerStream s = new ServerStream().raw("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
        if (vncAuth) {
            s.u8(1).u8(2).raw(new byte[16]);
        } else {
            s.u8(1).u8(1);
        }
        return s.u32(0).serverInit(width, height);
    }

    public ServerStream serverInit(int width, int height) {
        return u16(width).u16(height).raw(new byte[16]).text("desk001");
    }

    /** A FramebufferUpdate header. */
    public ServerStream update(int rectangles) {
        return u8(0).u8(0).u16(rectangles);
    }

    public ServerStream rect(int x, int y, int w, int h, int encoding) {
        return u16(x).u16(y).u16(w).u16(h).u32(encoding);
    }

    /** A ZRLE payload: the tile bytes compressed on the connection's one zlib stream, with their length. */
    public ServerStream zrle(byte[] tiles) {
        deflater.setInput(tiles);
        byte[] buffer = new byte[tiles.length * 2 + 64];
        int n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
        u32(n);
        return run(() -> out.write(buffer, 0, n));
    }

    public byte[] bytes() {
        return bytes.toByteArray();
    }

    private interface Write {
        void run() throws IOException;
    }

    private ServerStream run(Write write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
