package org.oreka.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.oreka.testing.ToneWav;
import org.osgi.framework.Bundle;

/**
 * The recorder reports to OrkTrack in the same Karaf: replayed calls become tapes in OrkTrack's database with their
 * fields and DTMF tags, once each, also when OrkTrack is away during the replay.
 */
public class ReportingIT extends RecordingTestSupport {

    @Override
    protected Option[] extraOptions() {
        return new Option[] {
            editConfigurationFilePut("etc/org.oreka.audio.cfg", "TapeProcessors", "BatchProcessing, Reporting"),
            editConfigurationFilePut("etc/org.oreka.audio.cfg", "StereoRecording", "true"),
            editConfigurationFilePut("etc/org.oreka.audio.cfg", "ClientRetryPeriodSec", "1"),
            editConfigurationFilePut("etc/org.oreka.audio.cfg", "HoldResumeReportEvents", "true"),
        };
    }

    @Before
    public void reportToThisKaraf() throws Exception {
        String tracker = "localhost:" + webPort();
        if (!tracker.equals(configValue("org.oreka.audio", "TrackerHostname"))) {
            updateConfig("org.oreka.audio", "TrackerHostname", tracker);
        }
        awaitOutput("oreka:chain", "Reporting");
    }

    @Test
    public void anEventStreamClientSeesStartStopAndReadyOfEachCallInOrder() throws Exception {
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (java.net.Socket stream = streamEvents(lines)) {
            ReplayOutput out = new ReplayOutput(executeCommand("oreka:replay " + testCapture("synth-3-concurrent-calls.pcap")));
            assertEquals(out.toString(), 3, out.recordings.size());
            for (Map<String, String> call : out.recordings) {
                String orkuid = call.get("Orkuid");
                await("start, stop and ready of " + orkuid, () -> stages(lines, orkuid).size() >= 3);
                assertEquals(List.of("start", "stop", "ready"), stages(lines, orkuid));
            }
        }
    }

    @Test
    public void aCallPutOnHoldAndResumedIsReportedSo() throws Exception {
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        String orkuid;
        try (java.net.Socket stream = streamEvents(lines)) {
            ReplayOutput out = new ReplayOutput(executeCommand("oreka:replay "
                    + testCapture("synth-hold-reinvite-newport.pcap")));
            assertEquals(out.toString(), 1, out.recordings.size());
            orkuid = out.recordings.get(0).get("Orkuid");
            await("the ready of " + orkuid, () -> stages(lines, orkuid).contains("ready"));
            assertEquals(List.of("start", "hold", "resume", "stop", "ready"), stages(lines, orkuid));
        }
        await("OrkTrack has the call off hold and ready", () -> "READY".equals(tapes(List.of(orkuid))
                .getOrDefault(orkuid, Map.of()).get("state")));
        assertEquals("false", query("SELECT onHold FROM orktape WHERE recid = ?", orkuid));
    }

    /** Opens an event stream client that adds every tape event line to {@code lines}, once the stream is open. */
    private java.net.Socket streamEvents(List<String> lines) throws Exception {
        int port = Integer.parseInt(configValue("org.oreka.audio", "EventStreamingServerPort"));
        java.net.Socket socket = new java.net.Socket("localhost", port);
        socket.getOutputStream().write("GET /command?type=streamevents HTTP/1.1\r\nHost: localhost\r\n\r\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(in.readLine().startsWith("HTTP/1.1 200"));
        Thread reader = new Thread(() -> {
            try {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("type=tape&")) {
                        lines.add(line);
                    }
                }
            } catch (java.io.IOException e) {
                // closed at the end of the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        return socket;
    }

    private static List<String> stages(List<String> lines, String orkuid) {
        return lines.stream().filter(l -> l.contains("&recid=" + orkuid + "&"))
                .map(l -> l.replaceAll(".*&stage=([a-z]+)&.*", "$1")).toList();
    }

    @Test
    public void replayedCallsBecomeTapesInOrkTracksDatabaseWithTheirTags() throws Exception {
        ReplayOutput out = new ReplayOutput(executeCommand("oreka:replay " + testCapture("ws-SIP_DTMF2.pcap")));
        Map<String, String> call = out.between("2502", "2504").get(0);
        String orkuid = call.get("Orkuid");
        await("the ready tape in OrkTrack", () -> "READY".equals(tapes(List.of(orkuid)).getOrDefault(orkuid, Map.of()).get("state")));
        Map<String, String> tape = tapes(List.of(orkuid)).get(orkuid);
        assertEquals("2502", tape.get("localparty"));
        assertEquals("2504", tape.get("remoteparty"));
        assertTrue(tape.get("filename"), tape.get("filename").endsWith("/" + orkuid + ".wav"));
        assertEquals("true", tape.get("kept"));
        await("seven DTMF tags", () -> query("SELECT COUNT(*) FROM orktag g JOIN orktape t ON t.id = g.tape_id"
                + " JOIN orktagtype y ON y.id = g.tagtype_id WHERE t.recid = ? AND y.name = 'dtmfdigit'", orkuid).equals("7"));
        assertEquals("1", query("SELECT COUNT(*) FROM orksegment s JOIN orktape t ON t.id = s.tape_id WHERE t.recid = ?",
                orkuid));
    }

    @Test
    public void callsReplayedWhileOrkTrackIsAwayArriveOnceWhenItIsBack() throws Exception {
        Bundle orkTrack = java.util.Arrays.stream(bundleContext.getBundles())
                .filter(b -> b.getSymbolicName().equals("org.oreka.track.command")).findFirst().orElseThrow();
        orkTrack.stop();
        List<String> orkuids = new ArrayList<>();
        try {
            ReplayOutput out = new ReplayOutput(executeCommand("oreka:replay " + testCapture("synth-3-concurrent-calls.pcap")));
            out.recordings.forEach(r -> orkuids.add(r.get("Orkuid")));
            assertEquals(out.toString(), 3, orkuids.size());
            Thread.sleep(2000);
            assertTrue("nothing reaches OrkTrack while it is away", tapes(orkuids).isEmpty());
        } finally {
            orkTrack.start();
        }
        await("the three calls in OrkTrack", () -> tapes(orkuids).values().stream().filter(t -> "READY".equals(t.get("state")))
                .count() == 3);
        assertEquals(3, tapes(orkuids).size());
    }

    @Test
    public void aRecordingImportedFromAnotherSystemGoesThroughTheChainToOrkTrack() throws Exception {
        Path folder = Files.createDirectories(Paths.get(System.getProperty("karaf.data"), "import"));
        Path source = ToneWav.write(folder.resolve("pbx-" + System.nanoTime() + ".wav"), 8000, 2.0, 440);
        String answer = importTape("mediatype=A&url=" + URLEncoder.encode(source.toString(), StandardCharsets.UTF_8)
                + "&timestamp=1352481737&duration=2&direction=in&localparty=1234&remoteparty=5551234&nativecallid=pbx-42");
        assertTrue(answer, answer.contains("<success>true</success>"));
        String orkuid = answer.replaceAll("(?s).*orkuid:([0-9A-Z_]+).*", "$1");
        await("the imported tape in OrkTrack", () -> "READY".equals(tapes(List.of(orkuid)).getOrDefault(orkuid, Map.of()).get("state")));
        Map<String, String> tape = tapes(List.of(orkuid)).get(orkuid);
        assertEquals("1234", tape.get("localparty"));
        assertEquals("5551234", tape.get("remoteparty"));
        assertTrue(tape.get("filename"), tape.get("filename").endsWith("/" + orkuid + ".wav"));
        assertEquals("a copy beside the recorder's own; the other system keeps its file", -1L,
                Files.mismatch(source, chain.audioRoot().resolve(tape.get("filename"))));

        assertTrue(importTape("url=/etc/hostname&timestamp=1&duration=1").contains("in the import folder"));
        assertTrue(importTape("url=..%2F..%2Fetc%2Fhostname&timestamp=1&duration=1").contains("<success>false</success>"));
        assertTrue(importTape("url=" + source.getFileName() + "&duration=1").contains("needs the parameter timestamp"));
        assertTrue(importTape("url=" + source.getFileName() + "&timestamp=1&duration=1&mediatype=V").contains("mediatype"));
    }

    @Test
    public void reportTapeReportsTheLoggedRecordingsAgainToAnOrkTrackThatLostThem() throws Exception {
        ReplayOutput out = new ReplayOutput(executeCommand("oreka:replay " + testCapture("synth-3-concurrent-calls.pcap")));
        List<String> orkuids = out.recordings.stream().map(r -> r.get("Orkuid")).toList();
        await("the three calls in OrkTrack", () -> tapes(orkuids).values().stream()
                .filter(t -> "READY".equals(t.get("state"))).count() == 3);
        for (String orkuid : orkuids) {
            update("DELETE FROM orktape WHERE recid = ?", orkuid);
        }
        assertTrue("OrkTrack lost them", tapes(orkuids).isEmpty());
        String answer = get("http://localhost:" + recorderPort() + "/command?type=reporttape&fromdate=19700101_000000").body();
        assertTrue(answer, answer.contains("<success>true</success>"));
        await("the three calls in OrkTrack again", () -> tapes(orkuids).values().stream()
                .filter(t -> "READY".equals(t.get("state"))).count() == 3);
        String missing = get("http://localhost:" + recorderPort() + "/command?type=reporttape").body();
        assertTrue(missing, missing.contains("needs the parameter fromdate"));
    }

    private void update(String sql, String parameter) {
        try (Connection c = service(DataSource.class, "(osgi.jndi.service.name=oreka)").getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            s.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String importTape(String parameters) throws Exception {
        return get("http://localhost:" + recorderPort() + "/command?type=importtape&" + parameters).body();
    }

    /** OrkTrack's rows of these recordings, by recid. */
    private Map<String, Map<String, String>> tapes(List<String> orkuids) {
        Map<String, Map<String, String>> found = new HashMap<>();
        try (Connection c = service(DataSource.class, "(osgi.jndi.service.name=oreka)").getConnection();
                PreparedStatement s = c.prepareStatement("SELECT recid, state, localParty, remoteParty, filename, kept"
                        + " FROM orktape")) {
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (orkuids.contains(r.getString(1))) {
                        found.put(r.getString(1), Map.of("state", r.getString(2), "localparty", r.getString(3),
                                "remoteparty", r.getString(4), "filename", r.getString(5), "kept",
                                String.valueOf(r.getBoolean(6))));
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    private String query(String sql, String parameter) {
        try (Connection c = service(DataSource.class, "(osgi.jndi.service.name=oreka)").getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
