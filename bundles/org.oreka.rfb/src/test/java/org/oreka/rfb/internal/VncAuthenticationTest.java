package org.oreka.rfb.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class VncAuthenticationTest {

    /**
     * The classic DES worked example (key 133457799BBCDFF1, plaintext 0123456789ABCDEF, ciphertext 85E813540F0AB405):
     * VNC reverses the bits of each password byte, so the password whose bytes are the reversed key must give it.
     */
    @Test
    void encryptsTheChallengeWithTheBitReversedPassword() {
        byte[] key = HexFormat.of().parseHex("133457799BBCDFF1");
        byte[] password = new byte[8];
        for (int i = 0; i < 8; i++) {
            password[i] = (byte) (Integer.reverse(key[i] & 0xff) >>> 24);
        }
        assertEquals((byte) 0xC8, password[0]);
        byte[] challenge = HexFormat.of().parseHex("0123456789ABCDEF0123456789ABCDEF");
        assertArrayEquals(HexFormat.of().parseHex("85E813540F0AB40585E813540F0AB405"),
                VncAuthentication.response(challenge, new String(password, StandardCharsets.ISO_8859_1)));
    }

    /** Only the first eight characters count, and a shorter password is padded with zeros. */
    @Test
    void usesEightBytesOfThePassword() {
        byte[] challenge = HexFormat.of().parseHex("00112233445566778899AABBCCDDEEFF");
        assertArrayEquals(VncAuthentication.response(challenge, "mypasswo"),
                VncAuthentication.response(challenge, "mypassword"));
        assertArrayEquals(VncAuthentication.response(challenge, "abc\0\0\0\0\0"), VncAuthentication.response(challenge, "abc"));
    }
}
