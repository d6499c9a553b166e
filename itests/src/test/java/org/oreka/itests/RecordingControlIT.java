package org.oreka.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.Before;
import org.junit.Test;
import org.oreka.audio.capture.file.CaptureReplay;
import org.oreka.sdk.capture.CapturedFrame;
import org.oreka.sdk.capture.FrameSink;
import org.oreka.sdk.tape.TapeDTO;
import org.oreka.testing.CallCaptureWriter;
import org.oreka.testing.SyntheticCall;
import org.oreka.testing.WavTones;

/**
 * Recording control over HTTP on the recorder's command port while a call plays: a generated capture is fed to
 * the recorder frame by frame, and at chosen moments of the call the test sends a command and waits for its
 * answer before the next frame, so every command lands between the same two packets on every run.
 */
public class RecordingControlIT extends RecordingTestSupport {

    /** The generated call's RTP starts 100 ms after its INVITE; packets are 20 ms apart, the callee's 3 ms behind. */
    private static final long RTP_START_MICROS = 100_000;

    private FrameSink recorder;

    /** Something the test does at a moment of the call, before the packet that follows. */
    private interface Step {
        void run() throws Exception;
    }

    @Before
    public void commandPortIsUp() throws Exception {
        recorder = service(FrameSink.class, null);
        assertEquals(200, getOk(command("ping")).statusCode());
    }

    @Test
    public void pauseAndResumeLeaveThePausedStretchOutOfTheRecording() throws Exception {
        SyntheticCall call = CallCaptureWriter.concurrentCalls(1, 6000, 0).get(0);
        String party = call.caller();
        NavigableMap<Long, Step> steps = new TreeMap<>();
        steps.put(packet(100), () -> {
            String answer = get(command("pause&party=" + party + "&side=both")).body();
            assertTrue(answer, answer.contains("<success>true</success>"));
            assertTrue(answer, answer.contains("orkuid:"));
            Map<String, String> session = new ReplayOutput(executeCommand("oreka:sessions")).recordings.get(0);
            assertEquals(session.toString(), "yes", session.get("Paused"));
        });
        steps.put(packet(200), () -> {
            String answer = get(command("resume&party=" + party)).body();
            assertTrue(answer, answer.contains("<success>true</success>"));
            assertEquals("", new ReplayOutput(executeCommand("oreka:sessions")).recordings.get(0).get("Paused"));
        });
        List<TapeDTO> tapes = play(call, steps, 1);

        TapeDTO tape = tapes.get(0);
        assertFalse(tape.onDemand);
        assertEquals("both", tape.side);
        WavTones.Measurement wav = WavTones.measure(wav(tape.orkuid));
        // Packets 0-99 and 200-299 of each side: 4 s (plus the callee's 3 ms), not 6 s with 2 s of silence.
        assertEquals(4.003, wav.seconds(), 0.005);
        assertEquals(call.callerToneHz(), wav.toneHz()[0], 0.01 * call.callerToneHz());
        assertEquals(call.calleeToneHz(), wav.toneHz()[1], 0.01 * call.calleeToneHz());
        assertTrue("no silent stretch is left where the pause was", wav.rms()[0] > 0.15 && wav.rms()[1] > 0.15);
    }

    @Test
    public void orkTrackRelaysOnDemandCommandsToTheRecorder() throws Exception {
        String name = registerRecorder();
        SyntheticCall call = CallCaptureWriter.concurrentCalls(1, 6000, 0).get(0);
        String party = call.caller();
        NavigableMap<Long, Step> steps = new TreeMap<>();
        steps.put(packet(100), () -> {
            String answer = orkTrack("cmd=ondemand&type=pause&localparty=" + party);
            assertTrue(answer, answer.startsWith("class=ondemandresponse success=true"));
            assertTrue(answer, answer.contains("recorder=" + name));
        });
        steps.put(packet(200), () -> {
            String answer = orkTrack("cmd=ondemand&type=resume&localparty=" + party);
            assertTrue(answer, answer.startsWith("class=ondemandresponse success=true"));
        });
        steps.put(packet(250), () -> {
            String answer = orkTrack("cmd=ondemand&type=pause&localparty=5002");
            assertTrue(answer, answer.contains("no%slive%ssession%sfor%sparty%s5002"));
        });
        List<TapeDTO> tapes = play(call, steps, 1);
        assertEquals("the relayed pause left 2 s out", 4.003, WavTones.measure(wav(tapes.get(0).orkuid)).seconds(), 0.005);
    }

    /** Tells OrkTrack about this Karaf's recorder, as Reporting's init message does; returns its service name. */
    private String registerRecorder() throws Exception {
        String name = "orkaudio-under-test";
        String init = orkTrack("type=init&name=" + name + "&hostname=localhost&servicetype=A&tcpport=" + recorderPort()
                + "&streamingport=" + liveAudioPort());
        assertTrue(init, init.contains("success=true"));
        return name;
    }

    private String orkTrack(String query) throws Exception {
        return get("http://localhost:" + webPort() + "/orktrack/command?" + query).body();
    }

    @Test
    public void recordOneSideThenStopSplitsTheCall() throws Exception {
        SyntheticCall call = CallCaptureWriter.concurrentCalls(1, 6000, 0).get(0);
        NavigableMap<Long, Step> steps = new TreeMap<>();
        steps.put(packet(50), () -> {
            String unknown = get(command("record&party=5002")).body();
            assertTrue(unknown, unknown.contains("<success>false</success><comment>no live session for party 5002</comment>"));
            String missing = get(command("pause&side=both")).body();
            assertTrue(missing, missing.contains("<success>false</success>"));
            String badSide = get(command("record&party=" + call.caller() + "&side=sideways")).body();
            assertTrue(badSide, badSide.contains("invalid side"));
            String local = get(command("record&party=" + call.caller() + "&side=local")).body();
            assertTrue(local, local.contains("<success>true</success>"));
        });
        steps.put(packet(100), () -> {
            String callId = URLEncoder.encode(call.callId(), StandardCharsets.UTF_8);
            String stopped = get(command("stop&nativecallid=" + callId)).body();
            assertTrue(stopped, stopped.contains("<success>true</success>"));
        });
        List<TapeDTO> tapes = play(call, steps, 2);

        TapeDTO first = tapes.get(0);
        TapeDTO second = tapes.get(1);
        assertEquals(call.caller(), second.localParty);
        assertTrue(first.onDemand);
        assertEquals("local", first.side);
        WavTones.Measurement before = WavTones.measure(wav(first.orkuid));
        assertEquals("packets 0-99 of the caller", 2.000, before.seconds(), 0.005);
        assertEquals("the caller's side is kept", call.callerToneHz(), before.toneHz()[0], 0.01 * call.callerToneHz());
        assertEquals("the callee's side is not", 0, before.rms()[1], 0);
        assertFalse(second.onDemand);
        assertEquals("both", second.side);
        WavTones.Measurement after = WavTones.measure(wav(second.orkuid));
        assertEquals("the rest of the call, both sides", 4.003, after.seconds(), 0.005);
        assertEquals(call.calleeToneHz(), after.toneHz()[1], 0.01 * call.calleeToneHz());
    }

    @Test
    public void aSupervisorHearsTheCallLiveOneSidePerChannelAndSilenceWhilePaused() throws Exception {
        SyntheticCall call = CallCaptureWriter.concurrentCalls(1, 6000, 0).get(0);
        String party = call.caller();
        List<CompletableFuture<byte[]>> heard = new ArrayList<>();
        NavigableMap<Long, Step> steps = new TreeMap<>();
        steps.put(packet(50), () -> {
            assertEquals(404, get("http://localhost:" + liveAudioPort() + "/?type=stream&localparty=5002").statusCode());
            heard.add(listen("http://localhost:" + liveAudioPort() + "/?type=stream&localparty=" + party
                    + "&stereo=true&format=wav"));
        });
        steps.put(packet(150), () -> get(command("pause&party=" + party)));
        steps.put(packet(200), () -> get(command("resume&party=" + party)));
        play(call, steps, 1);

        Path wav = Files.write(Files.createTempDirectory("oreka-it").resolve("live.wav"), heard.get(0).get(10, TimeUnit.SECONDS));
        WavTones.Measurement live = WavTones.measure(wav);
        assertEquals(2, live.channels());
        assertEquals(8000, live.sampleRate());
        // From packet 50 to the end (packet 300), the paused second heard as silence; each side on its own clock.
        assertEquals(5.000, live.seconds(), 0.005);
        assertEquals("the caller on the left", call.callerToneHz(), live.toneHz()[0], 0.01 * call.callerToneHz());
        assertEquals("the callee on the right", call.calleeToneHz(), live.toneHz()[1], 0.01 * call.calleeToneHz());
        assertTrue("sound before the pause", rms(wav, 0.5, 1.5) > 0.15);
        assertEquals("nothing is heard while the call is paused", 0, rms(wav, 2.1, 2.9), 0);
        assertTrue("sound after the resume", rms(wav, 3.5, 4.5) > 0.15);
    }

    @Test
    public void orkTrackRelaysLiveAudioFromTheRecorderHoldingTheCall() throws Exception {
        registerRecorder();
        SyntheticCall call = CallCaptureWriter.concurrentCalls(1, 6000, 0).get(0);
        List<CompletableFuture<byte[]>> heard = new ArrayList<>();
        NavigableMap<Long, Step> steps = new TreeMap<>();
        steps.put(packet(100), () -> heard.add(listen("http://localhost:" + webPort()
                + "/orktrack/command?cmd=ondemand&type=streamaudio&localparty=" + call.caller() + "&format=wav")));
        play(call, steps, 1);

        Path wav = Files.write(Files.createTempDirectory("oreka-it").resolve("relayed.wav"), heard.get(0).get(10, TimeUnit.SECONDS));
        WavTones.Measurement live = WavTones.measure(wav);
        assertEquals("mono: both sides mixed", 1, live.channels());
        assertEquals("from packet 100 to the end", 4.000, live.seconds(), 0.005);
        assertTrue(rms(wav, 1, 3) > 0.15);
    }

    /** Opens a live audio stream and reads it to its end in the background, once its headers have come. */
    private static CompletableFuture<byte[]> listen(String url) throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .sendAsync(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofInputStream())
                .get(10, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        return CompletableFuture.supplyAsync(() -> {
            try (InputStream body = response.body()) {
                return body.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The RMS level (full scale 1) of every channel of a 16-bit WAV between two times, in seconds. */
    private static double rms(Path wav, double fromSeconds, double toSeconds) throws IOException {
        WavTones.Measurement m = WavTones.measure(wav);
        ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);
        int from = (int) (fromSeconds * m.sampleRate()) * m.channels();
        int to = (int) (toSeconds * m.sampleRate()) * m.channels();
        double energy = 0;
        for (int i = from; i < to; i++) {
            double sample = data.getShort(44 + 2 * i) / 32768.0;
            energy += sample * sample;
        }
        return Math.sqrt(energy / (to - from));
    }

    /** Capture time of the caller's RTP packet {@code i}, counted from the capture's start. */
    private static long packet(int i) {
        return RTP_START_MICROS + 20_000L * i;
    }

    /**
     * Writes the call as a capture starting now (later than anything the recorder has seen, so its clock moves
     * with the call), replays it into the recorder with the steps at their moments, and returns the recordings
     * it made once they are through the chain.
     */
    private List<TapeDTO> play(SyntheticCall call, NavigableMap<Long, Step> steps, int recordings) throws Exception {
        long epochMicros = System.currentTimeMillis() * 1000;
        Path capture = Files.createTempDirectory("oreka-it").resolve("control.pcap");
        CallCaptureWriter.write(capture, List.of(call), epochMicros);
        CaptureReplay.replay(capture, new FrameSink() {
            @Override
            public void frame(CapturedFrame frame) {
                while (!steps.isEmpty() && frame.timestampMicros() - epochMicros >= steps.firstKey()) {
                    try {
                        steps.pollFirstEntry().getValue().run();
                    } catch (Exception e) {
                        throw new AssertionError("a step of the call failed", e);
                    }
                }
                recorder.frame(frame);
            }

            @Override
            public void endOfCapture(String source, long lastTimestampMicros) {
                recorder.endOfCapture(source, lastTimestampMicros);
            }
        }, true);
        assertTrue("every step ran", steps.isEmpty());
        List<TapeDTO> tapes = events.stopped.stream().filter(t -> t.nativeCallId.equals(call.callId())).toList();
        assertEquals(tapes.toString(), recordings, tapes.size());
        await("the recordings are through the chain", () -> chain.pending().isEmpty());
        return tapes;
    }

    private String command(String typeAndParameters) throws IOException {
        return "http://localhost:" + recorderPort() + "/command?type=" + typeAndParameters;
    }
}
