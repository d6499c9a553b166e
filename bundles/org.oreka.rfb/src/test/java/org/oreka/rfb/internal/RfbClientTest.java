package org.oreka.rfb.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.oreka.rfb.internal.fake.ServerStream;

/** The RFB client against scripted server streams: handshakes, every encoding drawn, and servers that break the rules. */
class RfbClientTest {

    private static final int RED = 0xff0000;
    private static final int GREEN = 0x00ff00;
    private static final int BLUE = 0x0000ff;
    private static final int WHITE = 0xffffff;

    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();

    private RfbClient client(ServerStream server, String password) throws IOException {
        RfbClient client = new RfbClient(new ByteArrayInputStream(server.bytes()), sent);
        client.handshake(password);
        return client;
    }

    /** A 3.8 server without authentication, a 32x32 desktop, then {@code messages}. */
    private RfbClient desktop(ServerStream messages) throws IOException {
        ServerStream server = ServerStream.handshake38(32, 32, false).raw(messages.bytes());
        return client(server, "");
    }

    @Test
    void handshake38AsksForTrueColourAndTheEncodings() throws IOException {
        RfbClient client = desktop(new ServerStream());
        assertEquals("3.8", client.version());
        assertEquals("desk001", client.desktopName());
        assertEquals(32, client.framebuffer().width());
        DataInputStream written = new DataInputStream(new ByteArrayInputStream(sent.toByteArray()));
        byte[] version = new byte[12];
        written.readFully(version);
        assertEquals("RFB 003.008\n", new String(version, StandardCharsets.US_ASCII));
        assertEquals(1, written.readUnsignedByte()); // security None
        assertEquals(1, written.readUnsignedByte()); // shared
        assertEquals(0, written.readUnsignedByte()); // SetPixelFormat
        written.readFully(new byte[3]);
        assertArrayEquals(new byte[] {32, 24, 0, 1, 0, (byte) 255, 0, (byte) 255, 0, (byte) 255, 16, 8, 0},
                Arrays.copyOf(written.readNBytes(16), 13));
        assertEquals(2, written.readUnsignedByte()); // SetEncodings
        written.readUnsignedByte();
        int count = written.readUnsignedShort();
        int[] encodings = new int[count];
        for (int i = 0; i < count; i++) {
            encodings[i] = written.readInt();
        }
        assertArrayEquals(new int[] {16, 5, 2, 1, 0, -223}, encodings);
    }

    @Test
    void handshake33WithVncAuthentication() throws IOException {
        byte[] challenge = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        ServerStream server = new ServerStream().raw("RFB 003.003\n".getBytes(StandardCharsets.US_ASCII)).u32(2)
                .raw(challenge).u32(0).serverInit(8, 4);
        RfbClient client = client(server, "secret");
        assertEquals("3.3", client.version());
        byte[] written = sent.toByteArray();
        assertEquals("RFB 003.003\n", new String(written, 0, 12, StandardCharsets.US_ASCII));
        assertArrayEquals(VncAuthentication.response(challenge, "secret"), Arrays.copyOfRange(written, 12, 28));
    }

    @Test
    void handshake37ChoosesVncAuthenticationWhenAPasswordIsGiven() throws IOException {
        ServerStream server = new ServerStream().raw("RFB 003.007\n".getBytes(StandardCharsets.US_ASCII)).u8(2).u8(1).u8(2)
                .raw(new byte[16]).u32(0).serverInit(8, 4);
        RfbClient client = client(server, "secret");
        assertEquals("3.7", client.version());
        assertEquals(2, sent.toByteArray()[12]);
    }

    @Test
    void aNewerMinorVersionIsSpokenAs38() throws IOException {
        ServerStream server = new ServerStream().raw("RFB 003.889\n".getBytes(StandardCharsets.US_ASCII)).u8(1).u8(1).u32(0)
                .serverInit(8, 4);
        assertEquals("3.8", client(server, "").version());
    }

    @Test
    void aWrongPasswordIsRefusedWithTheServersReason() {
        ServerStream server = new ServerStream().raw("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII)).u8(1).u8(2)
                .raw(new byte[16]).u32(1).text("password check failed!");
        RfbException e = assertThrows(RfbException.class, () -> client(server, "wrong"));
        assertEquals("VNC authentication failed: password check failed!", e.getMessage());
    }

    @Test
    void aPasswordProtectedServerWithoutAPasswordIsRefusedClearly() {
        ServerStream server = new ServerStream().raw("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII)).u8(1).u8(2);
        RfbException e = assertThrows(RfbException.class, () -> client(server, ""));
        assertEquals("the VNC server requires a password and none was given", e.getMessage());
    }

    @Test
    void refusedConnectionsAndUnknownSecurityAndBannersAreErrors() {
        assertEquals("the VNC server refused the connection: too many clients", assertThrows(RfbException.class,
                () -> client(new ServerStream().raw("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII)).u8(0)
                        .text("too many clients"), "")).getMessage());
        assertTrue(assertThrows(RfbException.class, () -> client(new ServerStream().raw(
                "RFB 003.008\n".getBytes(StandardCharsets.US_ASCII)).u8(1).u8(19), "x")).getMessage().contains("no supported security"));
        assertTrue(assertThrows(RfbException.class, () -> client(new ServerStream().raw(
                "HTTP/1.1 200\n".getBytes(StandardCharsets.US_ASCII)), "")).getMessage().startsWith("not a VNC server"));
        assertTrue(assertThrows(RfbException.class, () -> client(new ServerStream().raw(
                "RFB 004.000\n".getBytes(StandardCharsets.US_ASCII)), "")).getMessage().contains("not supported"));
    }

    @Test
    void rawAndCopyRect() throws IOException {
        ServerStream m = new ServerStream().update(2).rect(0, 0, 2, 1, RfbClient.ENCODING_RAW).pixel(RED).pixel(GREEN)
                .rect(10, 20, 2, 1, RfbClient.ENCODING_COPY_RECT).u16(0).u16(0);
        RfbClient client = desktop(m);
        assertEquals(RfbClient.Message.UPDATE, client.readMessage(0));
        Framebuffer fb = client.framebuffer();
        assertEquals(RED, fb.rgb(0, 0));
        assertEquals(GREEN, fb.rgb(1, 0));
        assertEquals(RED, fb.rgb(10, 20));
        assertEquals(GREEN, fb.rgb(11, 20));
        assertEquals(0, fb.rgb(12, 20));
    }

    @Test
    void overlappingCopyRectMovesTheSourceAsItWas() throws IOException {
        ServerStream m = new ServerStream().update(2).rect(0, 0, 1, 3, RfbClient.ENCODING_RAW).pixel(RED).pixel(GREEN).pixel(BLUE)
                .rect(0, 1, 1, 3, RfbClient.ENCODING_COPY_RECT).u16(0).u16(0);
        Framebuffer fb = drawn(m);
        assertEquals(RED, fb.rgb(0, 0));
        assertEquals(RED, fb.rgb(0, 1));
        assertEquals(GREEN, fb.rgb(0, 2));
        assertEquals(BLUE, fb.rgb(0, 3));
    }

    @Test
    void rre() throws IOException {
        ServerStream m = new ServerStream().update(1).rect(4, 4, 10, 10, RfbClient.ENCODING_RRE).u32(1).pixel(BLUE)
                .pixel(WHITE).u16(2).u16(3).u16(4).u16(5);
        Framebuffer fb = drawn(m);
        assertEquals(BLUE, fb.rgb(4, 4));
        assertEquals(WHITE, fb.rgb(6, 7));
        assertEquals(WHITE, fb.rgb(9, 11));
        assertEquals(BLUE, fb.rgb(10, 12));
        assertEquals(0, fb.rgb(3, 3));
    }

    @Test
    void hextileBackgroundForegroundColouredAndRawTiles() throws IOException {
        // 32x16 at 0,0: two tiles. First: background red, foreground white, one subrect 2x3 at 1,1.
        // Second: raw.
        ServerStream m = new ServerStream().update(2).rect(0, 0, 32, 16, RfbClient.ENCODING_HEXTILE)
                .u8(2 | 4 | 8).pixel(RED).pixel(WHITE).u8(1).u8(0x11).u8(0x12).u8(1);
        ServerStream raw = new ServerStream();
        for (int i = 0; i < 16 * 16; i++) {
            raw.pixel(i % 2 == 0 ? GREEN : BLUE);
        }
        m.raw(raw.bytes());
        // A second rectangle: one tile keeping the background (none specified), coloured subrects.
        m.rect(0, 16, 16, 16, RfbClient.ENCODING_HEXTILE).u8(8 | 16).u8(1).pixel(BLUE).u8(0xff).u8(0x00);
        Framebuffer fb = drawn(m);
        assertEquals(RED, fb.rgb(0, 0));
        assertEquals(WHITE, fb.rgb(1, 1));
        assertEquals(WHITE, fb.rgb(2, 3));
        assertEquals(RED, fb.rgb(3, 1));
        assertEquals(GREEN, fb.rgb(16, 0));
        assertEquals(BLUE, fb.rgb(17, 0));
        assertEquals(0, fb.rgb(0, 16)); // a new rectangle starts with no background: black
        assertEquals(BLUE, fb.rgb(15, 31));
    }

    @Test
    void zrleEverySubencodingOnOneZlibStream() throws IOException {
        ByteArrayOutputStream tiles = new ByteArrayOutputStream();
        // A 68x64 rectangle: a solid green 64x64 tile, then a 4x64 tile in plain RLE: 100 red, 156 blue.
        tiles.write(1);
        cpixel(tiles, GREEN);
        tiles.write(128);
        cpixel(tiles, RED);
        tiles.write(99);
        cpixel(tiles, BLUE);
        tiles.write(155);
        ServerStream m = new ServerStream().update(1).rect(0, 0, 68, 64, RfbClient.ENCODING_ZRLE);
        m.zrle(tiles.toByteArray());
        // Then on the same zlib stream: packed palette (2 colours, 1 bit), palette RLE, raw.
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        second.write(2);
        cpixel(second, WHITE);
        cpixel(second, BLUE);
        second.write(0b0101_0000); // row 0: white blue white blue
        second.write(0b1010_0000); // row 1: blue white blue white
        m.update(1).rect(70, 0, 4, 2, RfbClient.ENCODING_ZRLE);
        m.zrle(second.toByteArray());
        ByteArrayOutputStream third = new ByteArrayOutputStream();
        third.write(130); // palette RLE, 2 colours
        cpixel(third, RED);
        cpixel(third, GREEN);
        third.write(0x80 | 1); // green, run
        third.write(4); // of 5
        third.write(0); // one red
        third.write(0); // one red
        third.write(1); // one green: 8 pixels
        ByteArrayOutputStream fourth = new ByteArrayOutputStream();
        fourth.write(0); // raw 1x1
        cpixel(fourth, 0x123456);
        m.update(1).rect(80, 0, 4, 2, RfbClient.ENCODING_ZRLE).zrle(third.toByteArray());
        m.update(1).rect(90, 0, 1, 1, RfbClient.ENCODING_ZRLE).zrle(fourth.toByteArray());
        RfbClient client = client(ServerStream.handshake38(100, 64, false).raw(m.bytes()), "");
        for (int i = 0; i < 4; i++) {
            assertEquals(RfbClient.Message.UPDATE, client.readMessage(0));
        }
        Framebuffer fb = client.framebuffer();
        assertEquals(GREEN, fb.rgb(0, 0));
        assertEquals(GREEN, fb.rgb(63, 63));
        assertEquals(RED, fb.rgb(64, 0));
        assertEquals(RED, fb.rgb(67, 23)); // pixel 99 of the 4-wide tile: row 24, col 3
        assertEquals(BLUE, fb.rgb(64, 25));
        assertEquals(BLUE, fb.rgb(67, 63));
        assertEquals(WHITE, fb.rgb(70, 0));
        assertEquals(BLUE, fb.rgb(71, 0));
        assertEquals(BLUE, fb.rgb(70, 1));
        assertEquals(WHITE, fb.rgb(73, 1));
        assertEquals(GREEN, fb.rgb(80, 0));
        assertEquals(GREEN, fb.rgb(80, 1));
        assertEquals(RED, fb.rgb(81, 1));
        assertEquals(RED, fb.rgb(82, 1));
        assertEquals(GREEN, fb.rgb(83, 1));
        assertEquals(0x123456, fb.rgb(90, 0));
    }

    @Test
    void desktopSizeResizesTheFramebuffer() throws IOException {
        RfbClient client = desktop(new ServerStream().update(1).rect(0, 0, 640, 480, RfbClient.ENCODING_DESKTOP_SIZE));
        client.readMessage(0);
        assertEquals(640, client.framebuffer().width());
        assertEquals(480, client.framebuffer().height());
    }

    @Test
    void bellCutTextAndColourMapsAreSkipped() throws IOException {
        RfbClient client = desktop(new ServerStream().u8(2).u8(3).raw(new byte[3]).text("copied").u8(1).u8(0).u16(0).u16(1)
                .raw(new byte[6]).update(1).rect(0, 0, 1, 1, RfbClient.ENCODING_RAW).pixel(RED));
        assertEquals(RfbClient.Message.OTHER, client.readMessage(0));
        assertEquals(RfbClient.Message.OTHER, client.readMessage(0));
        assertEquals(RfbClient.Message.OTHER, client.readMessage(0));
        assertEquals(RfbClient.Message.UPDATE, client.readMessage(0));
        assertEquals(RED, client.framebuffer().rgb(0, 0));
    }

    // Hostile and broken servers

    @Test
    void rectanglesOffTheDesktopAreRefused() {
        assertRefused(new ServerStream().update(1).rect(30, 0, 4, 1, RfbClient.ENCODING_RAW), "outside the 32x32 desktop");
        assertRefused(new ServerStream().update(1).rect(0, 65535, 1, 65535, RfbClient.ENCODING_RAW), "outside");
        assertRefused(new ServerStream().update(1).rect(0, 0, 4, 4, RfbClient.ENCODING_COPY_RECT).u16(30).u16(30), "outside");
        assertRefused(new ServerStream().update(1).rect(0, 0, 4, 4, RfbClient.ENCODING_RRE).u32(1).pixel(0).pixel(0)
                .u16(3).u16(3).u16(2).u16(2), "RRE subrectangle");
        assertRefused(new ServerStream().update(1).rect(0, 0, 4, 4, RfbClient.ENCODING_RRE).u32(-1), "claims");
        assertRefused(new ServerStream().update(1).rect(0, 0, 4, 4, RfbClient.ENCODING_HEXTILE).u8(8).u8(1).u8(0x33).u8(0x11),
                "Hextile subrectangle");
    }

    @Test
    void zrleLiesAreRefused() {
        ByteArrayOutputStream index = new ByteArrayOutputStream();
        index.write(130);
        cpixel(index, RED);
        cpixel(index, BLUE);
        index.write(5);
        assertRefused(new ServerStream().update(1).rect(0, 0, 2, 2, RfbClient.ENCODING_ZRLE).zrle(index.toByteArray()),
                "palette index 5");
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        run.write(128);
        cpixel(run, RED);
        run.write(255);
        run.write(255);
        run.write(3);
        assertRefused(new ServerStream().update(1).rect(0, 0, 2, 2, RfbClient.ENCODING_ZRLE).zrle(run.toByteArray()),
                "overflows its tile");
        assertRefused(new ServerStream().update(1).rect(0, 0, 2, 2, RfbClient.ENCODING_ZRLE).zrle(new byte[] {17}),
                "subencoding 17");
        assertRefused(new ServerStream().update(1).rect(0, 0, 2, 2, RfbClient.ENCODING_ZRLE).zrle(new byte[] {0, 1, 2}),
                "ends inside a rectangle");
        assertRefused(new ServerStream().update(1).rect(0, 0, 2, 2, RfbClient.ENCODING_ZRLE).u32(4).raw(new byte[] {1, 2, 3, 4}),
                "not valid zlib");
        assertRefused(new ServerStream().update(1).rect(0, 0, 2, 2, RfbClient.ENCODING_ZRLE).u32(-1), "larger than");
    }

    @Test
    void otherLiesAreRefused() {
        assertRefused(new ServerStream().u8(77), "unknown server message type 77");
        assertRefused(new ServerStream().update(1).rect(0, 0, 1, 1, 7), "encoding 7, which was not asked for");
        assertRefused(new ServerStream().update(1).rect(0, 0, 65535, 65535, RfbClient.ENCODING_DESKTOP_SIZE), "larger than");
        assertRefused(new ServerStream().update(1).rect(0, 0, 0, 10, RfbClient.ENCODING_DESKTOP_SIZE), "empty");
        assertRefused(new ServerStream().u8(3).raw(new byte[3]).u32(Integer.MAX_VALUE), "cut text");
        assertThrows(RfbException.class, () -> client(new ServerStream().raw("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII))
                .u8(1).u8(1).u32(0).u16(100).u16(100).raw(new byte[16]).u32(Integer.MAX_VALUE), ""));
    }

    @Test
    void truncatedStreamsEndWithEof() throws IOException {
        byte[] whole = new ServerStream().update(1).rect(0, 0, 2, 2, RfbClient.ENCODING_RAW).pixel(RED).pixel(RED).pixel(RED)
                .pixel(RED).bytes();
        for (int cut = 0; cut < whole.length; cut++) {
            RfbClient client = desktop(new ServerStream().raw(Arrays.copyOf(whole, cut)));
            assertThrows(EOFException.class, () -> client.readMessage(0), "cut at " + cut);
        }
        byte[] handshake = ServerStream.handshake38(8, 8, true).bytes();
        for (int cut = 0; cut < handshake.length; cut++) {
            byte[] part = Arrays.copyOf(handshake, cut);
            assertThrows(IOException.class, () -> client(new ServerStream().raw(part), "pw"), "cut at " + cut);
        }
    }

    /** Random garbage after a good handshake ends in an IOException (never another exception, never a hang). */
    @Test
    void randomGarbageIsRefusedCleanly() throws IOException {
        java.util.Random random = new java.util.Random(6143);
        for (int round = 0; round < 2000; round++) {
            byte[] garbage = new byte[random.nextInt(300)];
            random.nextBytes(garbage);
            if (garbage.length > 0 && random.nextBoolean()) {
                garbage[0] = 0; // mostly updates
            }
            RfbClient client = desktop(new ServerStream().raw(garbage));
            try {
                while (true) {
                    client.readMessage(0);
                }
            } catch (IOException expected) {
                // refused or ended
            }
        }
    }

    private void assertRefused(ServerStream messages, String reason) {
        RfbException e = assertThrows(RfbException.class, () -> desktop(messages).readMessage(0));
        assertTrue(e.getMessage().contains(reason), e.getMessage() + " should say " + reason);
    }

    private Framebuffer drawn(ServerStream messages) throws IOException {
        RfbClient client = desktop(messages);
        assertEquals(RfbClient.Message.UPDATE, client.readMessage(0));
        return client.framebuffer();
    }

    private static void cpixel(ByteArrayOutputStream out, int rgb) {
        out.write(rgb & 0xff);
        out.write((rgb >>> 8) & 0xff);
        out.write((rgb >>> 16) & 0xff);
    }
}
