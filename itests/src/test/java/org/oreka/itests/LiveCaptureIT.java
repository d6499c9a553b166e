package org.oreka.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Test;
import org.oreka.sdk.tape.TapeDTO;
import org.oreka.testing.WavTones;

/**
 * Live capture on the loopback interface: SIPp places calls to a SIPp server that echoes the audio back, and the
 * recorder, capturing {@code lo} through libpcap, records each call with both directions.
 */
public class LiveCaptureIT extends RecordingTestSupport {

    private static final Path SIPP = Path.of("/usr/bin/sipp");
    private static final Path SIPP_CAPTURES = Path.of("/usr/share/sip-tester");
    private static final int CALLS = 3;

    @Test
    public void sippCallsOnLoopbackAreRecorded() throws Exception {
        assumeTrue("SIPp (Debian package sip-tester) is installed", Files.isExecutable(SIPP));
        List<TapeDTO> stopped = events.stopped;
        try {
            Hashtable<String, Object> live = new Hashtable<>();
            live.put("Devices", "lo");
            live.put("PcapFilter", "udp");
            configurationAdmin.getConfiguration("org.oreka.audio.capture.live", null).update(live);
            awaitOutput("oreka:captures", "live");

            Path work = Files.createTempDirectory("sipp");
            // The uac_pcap scenario plays pcap/g711a.pcap, relative to its working folder.
            Files.createSymbolicLink(work.resolve("pcap"), SIPP_CAPTURES);
            Process server = sipp(work, "-sn", "uas", "-i", "127.0.0.1", "-p", "5090", "-mi", "127.0.0.1", "-mp", "16000",
                    "-rtp_echo", "-m", Integer.toString(CALLS));
            Thread.sleep(500);
            // One call at a time: SIPp gives every call the same media port, so concurrent calls would share
            // one address pair on the wire, which no recorder can tell apart.
            Process client = sipp(work, "-sn", "uac_pcap", "127.0.0.1:5090", "-i", "127.0.0.1", "-p", "5091", "-mi",
                    "127.0.0.1", "-mp", "18000", "-m", Integer.toString(CALLS), "-l", "1");
            assertTrue("SIPp client finished", client.waitFor(120, TimeUnit.SECONDS));
            assertEquals("SIPp client exit code (0 = every call succeeded)", 0, client.exitValue());
            server.waitFor(10, TimeUnit.SECONDS);

            await(CALLS + " recordings stopped", () -> stopped.size() == CALLS);
            await("the recordings are through the chain", () -> chain.pending().isEmpty());
            for (TapeDTO tape : stopped) {
                assertEquals("sipp", tape.localParty);
                assertEquals("out", tape.direction);
                WavTones.Measurement m = WavTones.measure(wav(tape.orkuid));
                assertEquals(2, m.channels());
                // g711a.pcap holds 7.08 s of audio; the echo comes back within milliseconds.
                assertEquals(tape.orkuid, 7.1, m.seconds(), 0.2);
                assertTrue("the caller's audio on channel 1", m.rms()[0] > 0.001);
                assertTrue("the echo on channel 2", m.rms()[1] > 0.001);
            }
        } finally {
            configurationAdmin.getConfiguration("org.oreka.audio.capture.live", null).delete();
        }
    }

    private static Process sipp(Path work, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(SIPP.toString(), "-nostdin", "-trace_err"));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(new File(work.toFile(), arguments[1] + ".log")).start();
    }
}
