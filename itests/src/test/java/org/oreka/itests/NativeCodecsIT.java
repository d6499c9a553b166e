package org.oreka.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.oreka.testing.FfProbe;
import org.oreka.testing.Pcm;
import org.oreka.testing.RtpPayloads;

/**
 * The recorder in the booted distribution decodes the GSM, G.722 and G.726 captures with the codec bundles over
 * libgsm and spandsp, and stores every call as a GSM 6.10 WAV ({@code StorageAudioFormat = gsm}, Oreka's
 * default; the stereo setting is mixed down to mono): each one as long as its RTP, with the caller's speech in it.
 */
public class NativeCodecsIT extends RecordingTestSupport {

    /** 425 packets of 20 ms. */
    private static final double CALL_SECONDS = 8.5;

    @Override
    protected Option[] extraOptions() {
        return Stream.concat(Stream.of(super.extraOptions()),
                Stream.of(editConfigurationFilePut("etc/org.oreka.audio.cfg", "StorageAudioFormat", "gsm")))
                .toArray(Option[]::new);
    }

    @Test
    public void gsmAndG722CallsAreStoredAsGsmWavsOfTheirLengthWithSpeech() throws Exception {
        for (String file : new String[] {"ws-sip-rtp-gsm.pcap", "ws-sip-rtp-g722.pcap"}) {
            ReplayOutput out = new ReplayOutput(executeCommand("oreka:replay " + testCapture(file)));
            List<Map<String, String>> calls = out.between("sipp", "test");
            assertEquals(out.toString(), 1, calls.size());
            assertStoredWithSpeech(calls.get(0));
        }
    }

    @Test
    public void theEightG726VariantsAreEachRecorded() throws Exception {
        ReplayOutput out = new ReplayOutput(executeCommand("oreka:replay " + testCapture("ws-sip-rtp-g726.pcap")));
        List<Map<String, String>> calls = out.between("sipp", "test");
        assertEquals(out.toString(), 8, calls.size());
        for (Map<String, String> call : calls) {
            assertStoredWithSpeech(call);
        }
    }

    private void assertStoredWithSpeech(Map<String, String> call) throws Exception {
        assertEquals(call.toString(), List.of(0L, 425L), ReplayOutput.sides(call));
        Path wav = wav(call.get("Orkuid"));
        FfProbe.Audio audio = FfProbe.probe(wav);
        assertEquals(call.toString(), "gsm_ms", audio.codec());
        // GSM WAV blocks hold 40 ms: ffmpeg decodes the last one whole.
        assertEquals(call.toString(), CALL_SECONDS, audio.seconds(), 0.045);
        double rms = Pcm.rms(RtpPayloads.ffmpegDecode(Files.readAllBytes(wav)));
        assertTrue(call + " carries speech: rms " + rms, rms > 300);
    }
}
