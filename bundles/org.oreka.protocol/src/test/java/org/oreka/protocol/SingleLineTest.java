package org.oreka.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SingleLineTest {

    @Test
    void formatsTheSpecsUserResponse() {
        assertEquals("class=userresponse success=true comment= returncode=NO_ERROR",
                CommandResponse.success("userresponse", "").with("returncode", "NO_ERROR").toSingleLineWithClass());
    }

    @Test
    void escapesSpacesAsTheSpecShows() {
        assertEquals("class=userresponse success=false comment=Error:%sERROR_SAVING_USER returncode=ERROR_SAVING_USER",
                CommandResponse.failure("userresponse", "Error: ERROR_SAVING_USER").with("returncode", "ERROR_SAVING_USER")
                        .toSingleLineWithClass());
    }

    @Test
    void parsesWhatItFormats() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("class", "taperesponse");
        fields.put("comment", "a=b 100% done");
        fields.put("deletetape", "false");
        assertEquals(fields, SingleLine.parse(SingleLine.format(fields)));
    }

    @Test
    void parsesJavaColonEscapeAndUpperCaseKeys() {
        assertEquals(Map.of("class", "simpleresponse", "comment", "a:b"), SingleLine.parse("CLASS=simpleresponse comment=a%cb "));
    }
}
