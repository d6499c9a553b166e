package org.oreka.audio.skinny.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Little-endian reads from an SCCP message body, with the bounds checks that keep a short or hostile message from
 * making the decoder read past its end.
 */
final class SccpBody {

    private final byte[] bytes;

    SccpBody(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Whether {@code count} bytes starting at {@code offset} are inside the body. */
    boolean has(int offset, int count) {
        return offset >= 0 && count >= 0 && offset <= bytes.length - count;
    }

    /** The unsigned 32-bit little-endian word at {@code offset}, which the caller has checked with {@link #has}. */
    long wordAt(int offset) {
        return (bytes[offset] & 0xFFL) | (bytes[offset + 1] & 0xFFL) << 8 | (bytes[offset + 2] & 0xFFL) << 16
                | (bytes[offset + 3] & 0xFFL) << 24;
    }

    /** The IPv4 address stored in network order at {@code offset}; the caller has checked the 4 bytes. */
    InetAddress ipv4At(int offset) {
        return address(offset, 4);
    }

    /** The IPv6 address stored in network order at {@code offset}; the caller has checked the 16 bytes. */
    InetAddress ipv6At(int offset) {
        return address(offset, 16);
    }

    private InetAddress address(int offset, int size) {
        byte[] raw = new byte[size];
        System.arraycopy(bytes, offset, raw, 0, size);
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            // getByAddress only refuses lengths other than 4 and 16, which callers never pass
            throw new IllegalStateException(e);
        }
    }

    /**
     * The NUL-terminated text of a fixed-size field at {@code offset}, cut to what the body holds; an empty
     * string when the field is missing.
     */
    String fixedText(int offset, int size) {
        if (offset < 0 || offset >= bytes.length) {
            return "";
        }
        int end = (int) Math.min(bytes.length, (long) offset + size);
        int stop = offset;
        while (stop < end && bytes[stop] != 0) {
            stop++;
        }
        return text(offset, stop);
    }

    /** The text of the NUL-terminated string starting at {@code offset}; empty past the end of the body. */
    String stringAt(int offset) {
        return fixedText(offset, bytes.length);
    }

    /**
     * Offset just after the NUL that ends the string starting at {@code offset}, or the body length when the
     * string runs to the end of the body unterminated.
     */
    int afterString(int offset) {
        int stop = Math.max(offset, 0);
        while (stop < bytes.length && bytes[stop] != 0) {
            stop++;
        }
        return Math.min(bytes.length, stop + 1);
    }

    /**
     * Phones that announce UTF-8 support get UTF-8 names, older ones Latin-1: text that is not valid UTF-8 is
     * read as Latin-1 so that a name is never replaced by garbage.
     */
    private String text(int from, int to) {
        ByteBuffer slice = ByteBuffer.wrap(bytes, from, to - from);
        String value;
        try {
            value = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(slice).toString();
        } catch (CharacterCodingException e) {
            value = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        }
        return value.strip();
    }
}
