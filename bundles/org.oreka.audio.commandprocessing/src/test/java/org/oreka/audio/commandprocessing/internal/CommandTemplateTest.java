package org.oreka.audio.commandprocessing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How a CommandProcessingCommand becomes an argument vector. */
class CommandTemplateTest {

    @Test
    void theSpecsCommandSplitsOnBlanks() {
        CommandTemplate command = CommandTemplate.parse("ffmpeg -i [IN]  -acodec libgsm_ms\t-ab 13000 [OUT]");

        assertEquals(List.of("ffmpeg", "-i", "/a/in.wav", "-acodec", "libgsm_ms", "-ab", "13000", "/a/out.wav"),
                command.arguments("/a/in.wav", "/a/out.wav"));
        assertEquals("ffmpeg", command.program());
        assertTrue(command.writesOutput());
    }

    @Test
    void quotesAndBackslashesKeepBlanksInsideOneArgument() {
        CommandTemplate command = CommandTemplate.parse("sox 'a b' \"c \\\"d\\\" \\\\e\" f\\ g '' \"$HOME\"");

        assertEquals(List.of("sox", "a b", "c \"d\" \\e", "f g", "", "$HOME"), command.arguments("", ""));
    }

    @Test
    void aFileNameIsOneArgumentWhateverItHolds() {
        CommandTemplate command = CommandTemplate.parse("convert --in=[IN] [OUT]");

        assertEquals(List.of("convert", "--in=/r/a b;$(touch x) [OUT].wav", "/r/o [IN].mp3"),
                command.arguments("/r/a b;$(touch x) [OUT].wav", "/r/o [IN].mp3"),
                "placeholders are replaced once: a file name holding one is kept as it is");
    }

    @Test
    void aCommandWithoutOutputDoesNotWriteOne() {
        assertFalse(CommandTemplate.parse("notify [IN]").writesOutput());
        assertTrue(CommandTemplate.parse("  ").isEmpty());
    }

    @Test
    void anUnclosedQuoteIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> CommandTemplate.parse("ffmpeg -i '[IN]"));
        assertThrows(IllegalArgumentException.class, () -> CommandTemplate.parse("ffmpeg -i \"[IN]"));
        assertThrows(IllegalArgumentException.class, () -> CommandTemplate.parse("ffmpeg \\"));
    }
}
