package org.oreka.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.oreka.testing.CallCaptureWriter;
import org.oreka.testing.SyntheticCall;
import org.oreka.testing.WavTones;

/**
 * The recorder in the booted distribution turns the shared test captures, and generated concurrent calls, into
 * recordings: the calls and streams MANIFEST.md lists, with their parties, direction, per-side packets and
 * durations, as stereo WAV files.
 */
public class RecordingIT extends RecordingTestSupport {

    private ReplayOutput replay(Path capture) throws Exception {
        return new ReplayOutput(executeCommand("oreka:replay " + capture));
    }

    private Map<String, String> only(ReplayOutput out, String local, String remote) {
        List<Map<String, String>> rows = out.between(local, remote);
        assertEquals("recordings " + local + ">" + remote + " in\n" + out, 1, rows.size());
        return rows.get(0);
    }

    /**
     * Checks one recording against the ground truth: parties, direction, packets per side, and a WAV as long as
     * the RTP (first packet to the end of the last, from GROUNDTRUTH.txt) within 20 ms.
     */
    private void assertRecording(ReplayOutput out, String local, String remote, String direction, long sideA, long sideB,
            double seconds) throws IOException {
        Map<String, String> row = only(out, local, remote);
        assertEquals(out.toString(), direction, row.get("Dir"));
        assertEquals(out.toString(), List.of(Math.min(sideA, sideB), Math.max(sideA, sideB)), ReplayOutput.sides(row));
        WavTones.Measurement wav = WavTones.measure(wav(row.get("Orkuid")));
        assertEquals(2, wav.channels());
        assertEquals(8000, wav.sampleRate());
        assertEquals(row + " length", seconds, wav.seconds(), 0.020);
    }

    @Test
    public void oneWayG711CallsWithAndWithoutVlanTags() throws Exception {
        for (String file : new String[] {"ws-sip-rtp-g711.pcap", "derived-sip-rtp-g711-vlan100.pcap"}) {
            ReplayOutput out = replay(testCapture(file));
            List<Map<String, String>> calls = out.between("sipp", "test");
            assertEquals(out.toString(), 2, calls.size());
            assertEquals(List.of(List.of(0L, 414L), List.of(0L, 425L)),
                    calls.stream().map(ReplayOutput::sides).sorted((a, b) -> Long.compare(a.get(1), b.get(1))).toList());
            for (Map<String, String> call : calls) {
                WavTones.Measurement wav = WavTones.measure(wav(call.get("Orkuid")));
                double expected = ReplayOutput.sides(call).get(1) * 0.020;
                assertEquals(call.toString(), expected, wav.seconds(), 0.020);
                assertTrue("the local (sipp) side, which speaks, is on the first channel", wav.rms()[0] > 0.001);
                assertEquals(0, wav.rms()[1], 0);
            }
        }
    }

    @Test
    public void threeConcurrentCallsKeepEachVoiceOnItsOwnChannel() throws Exception {
        ReplayOutput out = replay(testCapture("synth-3-concurrent-calls.pcap"));
        Path tapelist = Path.of(System.getProperty("karaf.log"), "tapelist.log");
        await("tapelist.log has the three calls", () -> {
            try {
                String lines = Files.readString(tapelist);
                return lines.contains("localParty=alice remoteParty=bob") && lines.contains("localParty=carol")
                        && lines.contains("localParty=erin");
            } catch (IOException e) {
                return false;
            }
        });
        Object[][] expected = {{"alice", "bob", 300L, 6.0, 440.0, 1000.0}, {"carol", "dave", 200L, 4.0, 500.0, 1200.0},
            {"erin", "frank", 150L, 3.0, 700.0, 1500.0}};
        for (Object[] e : expected) {
            Map<String, String> row = only(out, (String) e[0], (String) e[1]);
            assertEquals("out", row.get("Dir"));
            assertEquals(List.of(e[2], e[2]), ReplayOutput.sides(row));
            WavTones.Measurement wav = WavTones.measure(wav(row.get("Orkuid")));
            assertEquals(row.toString(), (Double) e[3], wav.seconds(), 0.020);
            assertEquals("caller tone on channel 1 of " + row, (Double) e[4], wav.toneHz()[0], 0.01 * (Double) e[4]);
            assertEquals("callee tone on channel 2 of " + row, (Double) e[5], wav.toneHz()[1], 0.01 * (Double) e[5]);
        }
    }

    @Test
    public void twentyGeneratedConcurrentCallsGiveTwentyStereoRecordings() throws Exception {
        List<SyntheticCall> calls = CallCaptureWriter.concurrentCalls(20, 5000, 150);
        Path capture = Files.createTempDirectory("oreka-it").resolve("concurrent.pcap");
        CallCaptureWriter.write(capture, calls, 1_764_000_000_000_000L);
        ReplayOutput out = replay(capture);
        assertEquals(out.toString(), 20, out.recordings.size());
        for (int i = 0; i < calls.size(); i++) {
            SyntheticCall call = calls.get(i);
            Map<String, String> row = only(out, call.caller(), call.callee());
            assertEquals(List.of(250L, 250L), ReplayOutput.sides(row));
            WavTones.Measurement wav = WavTones.measure(wav(row.get("Orkuid")));
            assertEquals(row.toString(), 5.003, wav.seconds(), 0.005);
            assertEquals(row.toString(), call.callerToneHz(), wav.toneHz()[0], 0.01 * call.callerToneHz());
            assertEquals(row.toString(), call.calleeToneHz(), wav.toneHz()[1], 0.01 * call.calleeToneHz());
        }
    }

    @Test
    public void signallingVariantsAndProtocols() throws Exception {
        assertRecording(replay(testCapture("hep-sip_ipv4_tcp.pcap")), "101", "201", "out", 24, 42, 2.097);
        assertRecording(replay(testCapture("synth-ipv6-call.pcapng")), "alice6", "bob6", "out", 150, 150, 3.01);
        assertRecording(replay(testCapture("ws-rtp_conversacion.pcap")), "102", "101", "out", 1151, 1159, 23.142);
        assertRecording(replay(testCapture("ws-MagicJack_short_call.pcap")), "E646657195201", "9055551212", "out", 642, 626, 12.830);
        // 49 + 3: the caller also sent G.711 from its new port 16394 (the T.38 port): two packets continuing its
        // sequence, and one stray 20 s later. tshark lists no stream for them (the SDP that opened 16394 offered
        // T.38), but they are RTP of the call, so the recording runs to the stray packet's end: from the first
        // packet (1232173026.596063) to 1232173047.837798 + 10 ms.
        assertRecording(replay(testCapture("ws-LtoZ_rtpFilter_fail_2.pcap")), "768000", "768111", "out", 52, 32, 21.2517);
        assertRecording(replay(testCapture("ws-aaa.pcap")), "35104723", "35104724", "out", 9, 0, 0.183);
    }

    @Test
    public void holdAndReinviteOnANewPortStayOneRecording() throws Exception {
        ReplayOutput out = replay(testCapture("synth-hold-reinvite-newport.pcap"));
        assertEquals(out.toString(), 1, out.recordings.size());
        assertRecording(out, "alice", "bob", "out", 400, 300, 8.33);
    }

    @Test
    public void siprecStreamsBecomeOneRecordingWithTheParticipants() throws Exception {
        ReplayOutput out = replay(testCapture("synth-siprec-2streams.pcap"));
        assertEquals(out.toString(), 1, out.recordings.size());
        assertRecording(out, "alice", "bob", "unkn", 200, 200, 4.01);
        WavTones.Measurement wav = WavTones.measure(wav(only(out, "alice", "bob").get("Orkuid")));
        assertEquals(440, wav.toneHz()[0], 4.4);
        assertEquals(1000, wav.toneHz()[1], 10);
    }

    @Test
    public void rtpWithoutSignallingKeepsItsFirstPackets() throws Exception {
        ReplayOutput out = replay(testCapture("sipp-g711a.pcap"));
        assertRecording(out, "10.1.3.143", "10.1.6.18", "unkn", 236, 0, 7.08);
    }

    @Test
    public void skinnyPhonesAreEachRecordedWithBothVoices() throws Exception {
        ReplayOutput out = replay(testCapture("ndpi-skinny.pcap"));
        Map<String, String> callee = only(out, "307", "321");
        Map<String, String> caller = only(out, "321", "307");
        assertEquals("in", callee.get("Dir"));
        assertEquals("out", caller.get("Dir"));
        assertEquals(List.of(33L, 36L), ReplayOutput.sides(callee));
        assertEquals(List.of(33L, 36L), ReplayOutput.sides(caller));
    }

    @Test
    public void dtmfEventsBecomeDigitTags() throws Exception {
        ReplayOutput out = replay(testCapture("ws-SIP_DTMF2.pcap"));
        Map<String, String> row = only(out, "2502", "2504");
        String orkuid = row.get("Orkuid");
        await("seven digits", () -> events.tags.stream().filter(t -> t.orkuid.equals(orkuid)).count() == 7);
        assertEquals(List.of("6", "7", "8", "9", "1", "2", "3"),
                events.tags.stream().filter(t -> t.orkuid.equals(orkuid)).map(t -> t.text).toList());
    }

    @Test
    public void brokenCapturesAreReportedAndNothingBreaks() throws Exception {
        String netmon = executeCommand("oreka:replay " + testCapture("ws-c07-sip-r2-netmon.cap"));
        assertTrue(netmon, netmon.contains("is not a pcap or pcapng capture"));
        String truncated = executeCommand("oreka:replay " + testCapture("derived-sip-rtp-g729a-truncated.pcap"));
        assertTrue(truncated, truncated.contains("cut short after 310 packets"));
        for (String file : new String[] {"zeek-sip-invalid-content-length.pcap", "zeek-sip-junk-before-request.pcap",
            "zeek-sip-long-request-response-paths.pcap", "suri-sip_compact_form.pcap", "suri-sip-body-large.pcap"}) {
            String output = executeCommand("oreka:replay " + testCapture(file));
            assertTrue(output, output.contains("packets read"));
        }
        assertEquals(200, get("http://localhost:" + recorderPort() + "/command?type=ping").statusCode());
    }
}
