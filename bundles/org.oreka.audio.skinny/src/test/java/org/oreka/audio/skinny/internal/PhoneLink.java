package org.oreka.audio.skinny.internal;

import java.lang.annotation.Annotation;

import org.oreka.audio.skinny.internal.fake.SccpWriter;
import org.oreka.audio.skinny.internal.fake.TcpSegment;
import org.oreka.sdk.call.CallEventSink;

/**
 * One phone's Skinny connection to the call manager, feeding a decoder segment by segment with correct sequence
 * numbers in both directions and a clock that advances 10 ms per segment.
 */
final class PhoneLink {

    static final String CALL_MANAGER = "192.168.193.12";

    private final SkinnyDecoder decoder;
    private final CallEventSink sink;
    private final String phone;
    private final int phonePort;
    private final int callManagerPort;
    private long toPhoneSequence = 1_000;
    private long fromPhoneSequence = 4_000_000_000L;
    private long clockMicros = 1_700_000_000_000_000L;

    PhoneLink(SkinnyDecoder decoder, CallEventSink sink, String phone, int phonePort) {
        this(decoder, sink, phone, phonePort, SkinnySettings.DEFAULT_TCP_PORT);
    }

    PhoneLink(SkinnyDecoder decoder, CallEventSink sink, String phone, int phonePort, int callManagerPort) {
        this.decoder = decoder;
        this.sink = sink;
        this.phone = phone;
        this.phonePort = phonePort;
        this.callManagerPort = callManagerPort;
    }

    /** Sends the messages from the call manager to the phone in one segment; returns what decode said. */
    boolean toPhone(byte[]... messages) {
        byte[] bytes = SccpWriter.join(messages);
        TcpSegment segment = TcpSegment.tcp(tick(), CALL_MANAGER, callManagerPort, phone, phonePort, toPhoneSequence,
                bytes);
        toPhoneSequence = (toPhoneSequence + bytes.length) & 0xFFFF_FFFFL;
        return decoder.decode(segment, sink);
    }

    /** Sends the messages from the phone to the call manager in one segment. */
    boolean fromPhone(byte[]... messages) {
        byte[] bytes = SccpWriter.join(messages);
        TcpSegment segment = TcpSegment.tcp(tick(), phone, phonePort, CALL_MANAGER, callManagerPort,
                fromPhoneSequence, bytes);
        fromPhoneSequence = (fromPhoneSequence + bytes.length) & 0xFFFF_FFFFL;
        return decoder.decode(segment, sink);
    }

    long clockMicros() {
        return clockMicros;
    }

    private long tick() {
        clockMicros += 10_000;
        return clockMicros;
    }

    /** A decoder activated with the given settings, as DS would do it. */
    static SkinnyDecoder decoder(int port, boolean nameAsLocalParty, boolean ignoreHold) {
        SkinnyDecoder decoder = new SkinnyDecoder();
        decoder.activate(config(port, nameAsLocalParty, ignoreHold));
        return decoder;
    }

    static SkinnyDecoder.Config config(int port, boolean nameAsLocalParty, boolean ignoreHold) {
        return new SkinnyDecoder.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SkinnyDecoder.Config.class;
            }

            @Override
            public int SkinnyTcpPort() {
                return port;
            }

            @Override
            public boolean SkinnyNameAsLocalParty() {
                return nameAsLocalParty;
            }

            @Override
            public boolean SkinnyIgnoreHold() {
                return ignoreHold;
            }
        };
    }
}
