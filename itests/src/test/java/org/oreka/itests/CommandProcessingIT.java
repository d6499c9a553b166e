package org.oreka.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.oreka.testing.FfProbe;

/**
 * The chain {@code BatchProcessing, CommandProcessing} in the booted distribution, with the ffmpeg MP3
 * conversion configured in {@code etc/org.oreka.audio.cfg}: a replayed capture ends as MP3 files that ffprobe
 * reads, as long as the calls, and no WAV is left.
 */
public class CommandProcessingIT extends RecordingTestSupport {

    @Override
    protected Option[] extraOptions() {
        String cfg = "etc/org.oreka.audio.cfg";
        return new Option[] {
            editConfigurationFilePut(cfg, "TapeProcessors", "BatchProcessing, CommandProcessing"),
            editConfigurationFilePut(cfg, "StereoRecording", "true"),
            editConfigurationFilePut(cfg, "CommandProcessingCommand",
                    "ffmpeg -nostdin -v error -i [IN] -codec:a libmp3lame -b:a 32k [OUT]"),
            editConfigurationFilePut(cfg, "CommandProcessingOutputExtension", ".mp3"),
        };
    }

    @Test
    public void replayedCallsEndAsMp3Files() throws Exception {
        ReplayOutput out = new ReplayOutput(executeCommand("oreka:replay " + testCapture("synth-3-concurrent-calls.pcap")));
        assertEquals(out.toString(), 3, out.recordings.size());
        Map<String, Double> seconds = Map.of("alice", 6.0, "carol", 4.0, "erin", 3.0);
        for (Map<String, String> row : out.recordings) {
            String orkuid = row.get("Orkuid");
            List<Path> files = filesOf(orkuid);
            assertEquals(row + ": " + files, 1, files.size());
            Path mp3 = files.get(0);
            assertEquals(orkuid + ".mp3", mp3.getFileName().toString());
            FfProbe.Audio audio = FfProbe.probe(mp3);
            assertEquals("mp3", audio.codec());
            assertEquals(row.toString(), seconds.get(row.get("Local")), audio.seconds(), 0.1);
        }
        assertFalse(executeCommand("oreka:tapes --failed").contains("CommandProcessing"));
    }

    /** Every file of a recording under the audio root. */
    private List<Path> filesOf(String orkuid) throws Exception {
        try (Stream<Path> files = Files.walk(chain.audioRoot())) {
            return files.filter(p -> p.getFileName().toString().startsWith(orkuid + ".")).toList();
        }
    }
}
