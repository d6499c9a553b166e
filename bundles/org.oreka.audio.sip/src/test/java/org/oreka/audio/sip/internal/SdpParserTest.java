package org.oreka.audio.sip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.oreka.sdk.call.MediaMode;

/** SDP media sections: addresses, ports, payload types, directions, labels. */
class SdpParserTest {

    @Test
    void readsAddressPortPayloadTypesAndMode() throws Exception {
        List<SdpMedia> media = SdpParser.parse(SipSamples.sdp("10.0.0.1", 20000));
        assertEquals(1, media.size());
        SdpMedia audio = media.get(0);
        assertTrue(audio.isAudio());
        assertEquals(InetAddress.getByName("10.0.0.1"), audio.address());
        assertEquals(20000, audio.port());
        assertEquals(Map.of(0, "PCMU", 8, "PCMA", 101, "telephone-event/8000"), audio.payloadTypes());
        assertEquals(MediaMode.SENDRECV, audio.mode());
        assertEquals("", audio.label());
    }

    @Test
    void namesEncodingsAsGivenAndStaticTypesWithoutRtpmap() {
        SdpMedia audio = SdpParser.parse("v=0\nc=IN IP4 1.2.3.4\nm=audio 4000 RTP/AVP 0 3 4 8 9 18 96 97 98\n"
                + "a=rtpmap:0 pcmu/8000\na=rtpmap:96 opus/48000/2\na=rtpmap:97 iLBC/8000\na=rtpmap:99 unused/8000\n"
                + "a=fmtp:96 useinbandfec=1\n").get(0);
        assertEquals(Map.of(0, "pcmu/8000", 3, "GSM", 4, "G723", 8, "PCMA", 9, "G722", 18, "G729", 96, "opus/48000/2",
                97, "iLBC/8000"), audio.payloadTypes(), "98 has no rtpmap and no static name; 99 is not offered");
    }

    @Test
    void mediaLevelConnectionAndDirectionOverrideSessionLevel() throws Exception {
        List<SdpMedia> media = SdpParser.parse(SipSamples.lines("v=0", "c=IN IP4 10.0.0.1", "a=sendonly",
                "m=audio 4000 RTP/AVP 0", "m=audio 4002 RTP/AVP 0", "c=IN IP4 10.0.0.9", "a=recvonly"));
        assertEquals(InetAddress.getByName("10.0.0.1"), media.get(0).address());
        assertEquals(MediaMode.SENDONLY, media.get(0).mode());
        assertEquals(InetAddress.getByName("10.0.0.9"), media.get(1).address());
        assertEquals(MediaMode.RECVONLY, media.get(1).mode());
    }

    @Test
    void readsIpv6Connections() throws Exception {
        SdpMedia audio = SdpParser.parse(SipSamples.lines("v=0", "c=IN IP6 2001:db8::a",
                "m=audio 16000 RTP/AVP 8")).get(0);
        assertEquals(InetAddress.getByName("2001:db8::a"), audio.address());
        assertEquals(Map.of(8, "PCMA"), audio.payloadTypes());
    }

    @Test
    void zeroConnectionAddressIsHoldAndInactiveIsKept() {
        assertEquals(MediaMode.INACTIVE, SdpParser.parse(SipSamples.lines("v=0", "c=IN IP4 0.0.0.0",
                "m=audio 4000 RTP/AVP 0", "a=sendrecv")).get(0).mode());
        assertEquals(MediaMode.INACTIVE, SdpParser.parse(SipSamples.lines("v=0", "c=IN IP4 10.0.0.1",
                "m=audio 4000 RTP/AVP 0", "a=inactive")).get(0).mode());
    }

    @Test
    void keepsTheIndexOfEveryMediaLineAndTheirLabels() {
        List<SdpMedia> media = SdpParser.parse(SipSamples.lines("v=0", "c=IN IP4 10.0.0.1",
                "m=video 5000 RTP/AVP 96", "a=label:v", "m=audio 0 RTP/AVP 0", "m=image 6000 udptl t38",
                "m=audio 4000 RTP/AVP 0", "a=label:main"));
        assertEquals(4, media.size());
        assertEquals(List.of(0, 1, 2, 3), media.stream().map(SdpMedia::index).toList());
        assertEquals(List.of("video", "audio", "image", "audio"), media.stream().map(SdpMedia::type).toList());
        assertEquals(0, media.get(1).port(), "a rejected stream has port 0");
        assertEquals("main", media.get(3).label());
        assertEquals(Map.of(), media.get(2).payloadTypes());
    }

    @Test
    void toleratesBrokenLines() {
        List<SdpMedia> media = SdpParser.parse("v=0\r\nc=IN IP4 pbx.example.com\r\nm=audio x RTP/AVP zz 0\r\n"
                + "a=rtpmap:\r\na=rtpmap:abc PCMU/8000\r\nm=\r\ngarbage\r\nc=IN\r\n");
        assertEquals(2, media.size());
        assertNull(media.get(0).address(), "names are not resolved");
        assertEquals(0, media.get(0).port());
        assertEquals(Map.of(0, "PCMU"), media.get(0).payloadTypes());
        assertEquals(List.of(), SdpParser.parse(""));
    }
}
