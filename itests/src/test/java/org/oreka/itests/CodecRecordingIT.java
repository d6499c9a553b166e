package org.oreka.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.oreka.testing.SpeechComparison;
import org.oreka.testing.WavTones;

/**
 * The native codec bundles in the booted distribution: the G.729A, Opus, iLBC and Speex (8, 16 and 32 kHz) captures
 * replayed by the recorder give recordings as long as their RTP, with the caller's speech on the first channel (the
 * speech of the G.711 capture), instead of tapes waiting for a codec.
 */
public class CodecRecordingIT extends RecordingTestSupport {

    private void assertSpeechRecordings(String capture, int calls) throws Exception {
        assertSpeechRecordings(capture, calls, 425, 0.020);
    }

    /** Each call of the capture: {@code packets} of {@code packetSeconds} from the caller, nothing from the callee. */
    private void assertSpeechRecordings(String capture, int calls, long packets, double packetSeconds) throws Exception {
        short[] reference = SpeechComparison.referenceSpeech();
        ReplayOutput out = new ReplayOutput(executeCommand("oreka:replay " + testCapture(capture)));
        List<Map<String, String>> rows = out.between("sipp", "test");
        assertEquals(out.toString(), calls, rows.size());
        for (Map<String, String> row : rows) {
            assertEquals(row.toString(), List.of(0L, packets), ReplayOutput.sides(row));
            WavTones.Measurement wav = WavTones.measure(wav(row.get("Orkuid")));
            assertEquals(8000, wav.sampleRate());
            assertEquals(capture + " " + row, packets * packetSeconds, wav.seconds(), 0.020);
            assertTrue(capture + ": the caller's speech on the first channel of " + row, wav.rms()[0] > 0.01);
            assertEquals(0, wav.rms()[1], 0);
            // The speech SIPp sent in every shared capture: its loudness follows the G.711 capture's, 10 ms by 10 ms.
            short[] caller = WavTones.samples(wav(row.get("Orkuid")), 0);
            double loudness = SpeechComparison.envelopeCorrelation(caller, reference, 80, 20);
            assertTrue(capture + ": loudness correlation with the speech of the G.711 capture " + loudness, loudness > 0.9);
        }
    }

    @Test
    public void g729aCallIsRecorded() throws Exception {
        assertSpeechRecordings("ws-sip-rtp-g729a.pcap", 1);
    }

    @Test
    public void opusCallIsRecorded() throws Exception {
        assertSpeechRecordings("ws-sip-rtp-opus.pcap", 1);
    }

    @Test
    public void ilbcCallOfThirtyMillisecondFramesIsRecorded() throws Exception {
        assertSpeechRecordings("ws-sip-rtp-ilbc.pcap", 1, 284, 0.030);
    }

    @Test
    public void speexCallsOfEveryBandAreRecordedAtTheirTrueLength() throws Exception {
        assertSpeechRecordings("ws-sip-rtp-speex.pcap", 3);
    }
}
