package org.oreka.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class UrlFormTest {

    @Test
    void encodesAsOrkAudioDoes() {
        assertEquals("2014%2F01%2F27%2F11%2F20140127_114145_AAAB.wav", UrlForm.encode("2014/01/27/11/20140127_114145_AAAB.wav"));
        assertEquals("abc@pbx", UrlForm.encode("abc@pbx"));
        assertEquals("rude+to+caller%3B", UrlForm.encode("rude to caller;"));
        assertEquals("%C3%A9", UrlForm.encode("é"));
    }

    @Test
    void decodesPlusPercentAndDoublePercent() {
        assertEquals("a b/c%d", UrlForm.decode("a+b%2Fc%%d"));
        assertEquals("é", UrlForm.decode("%c3%a9"));
        assertEquals("100%zz", UrlForm.decode("100%zz"), "a malformed escape is kept literally");
        assertEquals("50%", UrlForm.decode("50%"));
    }

    @Test
    void roundTripsAnyText() {
        String text = "sip:+1 (555) 0100;tag=x&y=z%\u00fc";
        assertEquals(text, UrlForm.decode(UrlForm.encode(text)));
    }

    @Test
    void formatsFieldsWithTrailingAmpersand() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("type", "addtag");
        fields.put("localparty", "");
        fields.put("tagtext", "0");
        assertEquals("type=addtag&localparty=&tagtext=0&", UrlForm.format(fields));
    }

    @Test
    void parsesMessagesBackIntoFields() {
        Map<String, String> fields = UrlForm.parse("type=tape&filename=a+b%2Fc&=orphan&");
        assertEquals("a b/c", fields.get("filename"));
        assertEquals(List.of("type", "filename"), List.copyOf(fields.keySet()));
    }
}
