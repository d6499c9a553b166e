package org.oreka.audio.command.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oreka.protocol.CommandRequest;
import org.oreka.protocol.CommandResponse;

/** loadlicensefile reads license.txt at each call and answers in the spec's words. */
class LoadLicenseFileCommandTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @TempDir
    Path etc;

    private CommandResponse load(String now) {
        Clock clock = Clock.fixed(Instant.parse(now), NEW_YORK);
        return new LoadLicenseFileCommand(etc.resolve("license.txt"), clock)
                .execute(CommandRequest.parse("type=loadlicensefile", InetAddress.getLoopbackAddress(), "type"));
    }

    @Test
    void aLicenseInForceIsValidAndANewFileIsReadWithoutARestart() throws Exception {
        Files.writeString(etc.resolve("license.txt"), "company = abcd\nvalidfrom = 2016-01-05\nvalidto = 2016-01-09\n");
        CommandResponse response = load("2016-01-07T12:00:00Z");
        assertTrue(response.success());
        assertEquals("License info: company name:abcd valid:true valid from:Tue 2016-01-05 00:00:00 EST"
                + " valid to:Sat 2016-01-09 00:00:00 EST", response.comment());
        assertFalse(load("2016-01-09T06:00:00Z").success(), "expired at the start of validto");

        Files.writeString(etc.resolve("license.txt"), "company = abcd\nvalidfrom = 2016-01-05\nvalidto = 2017-01-09\n");
        assertTrue(load("2016-01-09T06:00:00Z").success(), "the renewed file applies at once");
    }

    @Test
    void noFileOrABrokenOneIsInvalidAsTheSpecShows() throws Exception {
        CommandResponse missing = load("2016-01-07T12:00:00Z");
        assertFalse(missing.success());
        assertEquals("License info: company name: valid:false valid from:Wed 1969-12-31 19:00:00 EST"
                + " valid to:Wed 1969-12-31 19:00:00 EST", missing.comment());
        Files.writeString(etc.resolve("license.txt"), "company = abcd\nvalidfrom = soon\n");
        assertFalse(load("2016-01-07T12:00:00Z").success());
    }
}
