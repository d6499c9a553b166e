package org.oreka.audio.reporting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.oreka.protocol.UrlForm;
import org.oreka.sdk.tape.TagDTO;
import org.oreka.sdk.tape.TapeDTO;

class TapeMessagesTest {

    @Test
    void aReadyMessageIsOrekasWireFormatFieldForField() {
        TapeDTO t = new TapeDTO();
        t.orkuid = "20240101_101500_ABCD";
        t.capturePort = "ABCD";
        t.startMillis = 1704104100_000L;
        t.durationMillis = 35_200;
        t.file = "2024/01/01/10/20240101_101500_ABCD.wav";
        t.localParty = "1001";
        t.remoteParty = "5551234";
        t.direction = "in";
        t.service = "orkaudio-rec1";
        t.localIp = "10.0.0.5";
        t.remoteIp = "10.0.0.1";
        t.nativeCallId = "abc@pbx";
        t.tags.put("X-Unique-ID", "1704104099.12");
        t.hostname = "rec1";
        assertEquals("type=tape&recid=20240101_101500_ABCD&stage=ready&captureport=ABCD&timestamp=1704104100"
                + "&filename=2024%2F01%2F01%2F10%2F20240101_101500_ABCD.wav&localparty=1001&localentrypoint=&remoteparty=5551234"
                + "&direction=in&duration=35&service=orkaudio-rec1&localip=10.0.0.5&remoteip=10.0.0.1&nativecallid=abc@pbx"
                + "&tags=X-Unique-ID%3A1704104099.12&ondemand=false&side=both&live=true&hostname=rec1&mediatype=A&",
                UrlForm.format(TapeMessages.tape(t, "ready")));
        assertEquals("0", TapeMessages.tape(t, "start").get("duration"), "a start message has no duration yet");
    }

    @Test
    void aTagMessageNamesItsRecordingAndOffset() {
        TagDTO tag = new TagDTO();
        tag.orkuid = "20240101_101500_ABCD";
        tag.type = "dtmfdigit";
        tag.text = "5";
        tag.offsetMillis = 4200;
        assertEquals("type=addtag&orkuid=20240101_101500_ABCD&tagtype=dtmfdigit&tagtext=5&offsetmsec=4200&",
                UrlForm.format(TapeMessages.addTag(tag)));
    }
}
