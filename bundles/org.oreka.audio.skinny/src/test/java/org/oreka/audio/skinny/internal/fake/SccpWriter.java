package org.oreka.audio.skinny.internal.fake;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes SCCP messages byte by byte the way a call manager or phone puts them on the wire, for tests. */
public final class SccpWriter {

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    public SccpWriter word(long value) {
        body.write((int) value);
        body.write((int) (value >>> 8));
        body.write((int) (value >>> 16));
        body.write((int) (value >>> 24));
        return this;
    }

    /** An address in network byte order, padded with zeros to {@code size}. */
    public SccpWriter address(String literal, int size) {
        byte[] raw = TcpSegment.address(literal).getAddress();
        body.write(raw, 0, raw.length);
        return zeros(size - raw.length);
    }

    /** Text in a fixed-size NUL-padded field. */
    public SccpWriter fixed(String text, int size) {
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        body.write(raw, 0, Math.min(raw.length, size));
        return zeros(size - Math.min(raw.length, size));
    }

    /** A NUL-terminated string. */
    public SccpWriter string(String text) {
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        body.write(raw, 0, raw.length);
        body.write(0);
        return this;
    }

    public SccpWriter zeros(int count) {
        for (int i = 0; i < count; i++) {
            body.write(0);
        }
        return this;
    }

    public byte[] body() {
        return body.toByteArray();
    }

    /** The whole message: length, header version, message id, body. */
    public byte[] message(int messageId, long headerVersion) {
        byte[] content = body();
        return new SccpWriter().word(content.length + 4L).word(headerVersion).word(messageId).bytes(content).body();
    }

    public SccpWriter bytes(byte[] raw) {
        body.write(raw, 0, raw.length);
        return this;
    }

    /** Concatenates messages as one TCP segment would carry them. */
    public static byte[] join(byte[]... messages) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] message : messages) {
            all.write(message, 0, message.length);
        }
        return all.toByteArray();
    }
}
