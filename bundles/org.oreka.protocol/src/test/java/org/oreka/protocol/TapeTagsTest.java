package org.oreka.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TapeTagsTest {

    @Test
    void escapesColonsCommasAndPercentSignsAtTheirLevels() {
        List<Map.Entry<String, String>> tags = List.of(Map.entry("X-Unique-ID", "1704104099.12"),
                Map.entry("a:b", "50%, or more"), Map.entry("empty", ""));
        String field = TapeTags.encode(tags);
        assertEquals("X-Unique-ID:1704104099.12,a%pkb:50%pp%c or more,empty:", field);
        assertEquals(tags, TapeTags.decode(field));
    }

    @Test
    void readsOrekasExampleAndToleratesOddInput() {
        assertEquals(List.of(Map.entry("X-Unique-ID", "1704104099.12")), TapeTags.decode("X-Unique-ID:1704104099.12"));
        assertEquals(List.of(Map.entry("novalue", ""), Map.entry("k", "v%")), TapeTags.decode("novalue,,k:v%"));
        assertEquals(List.of(), TapeTags.decode(""));
    }
}
