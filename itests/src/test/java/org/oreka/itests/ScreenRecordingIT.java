package org.oreka.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.Before;
import org.junit.Test;
import org.oreka.testing.FfProbe;
import org.oreka.testing.VncDesktop;
import org.oreka.track.storage.AgentTracking;
import org.oreka.track.storage.ScreenRecording;
import org.oreka.track.storage.ScreenRecordings;
import org.oreka.track.storage.SegmentSearch;
import org.oreka.track.storage.User;
import org.oreka.track.storage.UserDirectory;
import org.oreka.track.storage.UserUpdate;

/**
 * OrkRfb against a real VNC server (Xvfb + x11vnc with a VNC password): recordings started, paused, resumed and
 * stopped over the 59170 API and checked frame by frame in the WebM ffmpeg made, reported to OrkTrack as screen
 * tapes of their call; started and stopped by OrkTrack itself for a logged-in agent's call; refused cleanly for a
 * wrong password.
 */
public class ScreenRecordingIT extends OrekaTestSupport {

    private static final String PASSWORD = "s3cret";
    private static final int RED = 0xff0000;
    private static final int BLUE = 0x0000ff;
    private static final int GREEN = 0x00ff00;
    private static final int FRAME_RATE = 5;

    @Before
    public void reportToThisKaraf() throws Exception {
        String port = Integer.toString(webPort());
        if (!port.equals(configValue("org.oreka.rfb", "TrackerTcpPort"))) {
            updateConfig("org.oreka.rfb", "TrackerTcpPort", port);
            updateConfig("org.oreka.rfb", "ClientRetryPeriodSec", "1");
        }
        getOk("http://localhost:" + rfbPort() + "/command?type=ping");
    }

    @Test
    public void startPauseResumeStopMakesAVideoOfTheDesktopWithBlankFramesWhilePaused() throws Exception {
        // The listener moves live to a new port.
        int moved = freePort();
        updateConfig("org.oreka.rfb", "HttpServerPort", Integer.toString(moved));
        updateConfig("org.oreka.track.screen", "OrkRfbHostname", "localhost:" + moved);
        assertTrue(getOk("http://localhost:" + moved + "/command?type=ping").body().contains("<success>true</success>"));

        String orkuid = "it_" + System.currentTimeMillis();
        String recid;
        // When each step was done, in seconds of the video (whose timeline starts just before startrfb answers):
        // the checks look at frames well inside each stretch, so a loaded machine does not make them flaky.
        double blueAt;
        double pausedAt;
        double resumedAt;
        double stoppedAt;
        try (VncDesktop desktop = VncDesktop.start(320, 240, PASSWORD)) {
            desktop.paint(RED);
            HttpResponse<String> start = command("startrfb", desktop, PASSWORD, orkuid);
            long t0 = System.nanoTime();
            assertTrue(start.body(), start.body().contains("<success>true</success>"));
            recid = start.body().replaceAll("(?s).*: (\\S+)</comment>.*", "$1");
            assertTrue(recid, recid.startsWith(orkuid + "_S"));
            Thread.sleep(3000);
            desktop.paint(BLUE);
            blueAt = since(t0);
            Thread.sleep(3000);
            assertTrue(command("pauserfb", desktop, PASSWORD, orkuid).body().contains("<success>true</success>"));
            pausedAt = since(t0);
            desktop.paint(GREEN); // typed while paused: must never reach the video
            Thread.sleep(3000);
            HttpResponse<String> resume = command("startrfb", desktop, PASSWORD, orkuid);
            resumedAt = since(t0);
            assertTrue(resume.body(), resume.body().contains("Resuming screen recording for orkuid " + orkuid));
            Thread.sleep(3000);
            HttpResponse<String> stop = command("stoprfb", desktop, PASSWORD, orkuid);
            stoppedAt = since(t0);
            assertTrue(stop.body(), stop.body().contains("<success>true</success>"));
        }
        Path video = screenRoot().resolve(filenameOf(recid));
        assertTrue(video + " exists", Files.isRegularFile(video));
        FfProbe.Video probe = FfProbe.video(video);
        assertEquals("vp8", probe.codec());
        assertEquals(320, probe.width());
        assertEquals(240, probe.height());
        assertTrue("duration " + probe.seconds() + " for " + stoppedAt + " s recorded",
                probe.seconds() > stoppedAt - 1 && probe.seconds() < stoppedAt + 2);

        List<Integer> colours = FfProbe.centreColours(video);
        assertEquals("the first frame shows the desktop", RED, classify(colours.get(0)));
        assertEquals("red before the change", RED, colourAt(colours, blueAt - 1));
        assertEquals("blue after the change", BLUE, colourAt(colours, (blueAt + 1 + pausedAt) / 2));
        // Paused: every frame black, although the desktop turned green meanwhile.
        int pauseFirst = (int) Math.ceil((pausedAt + 0.3) * FRAME_RATE);
        int pauseLast = (int) Math.floor((resumedAt - 0.3) * FRAME_RATE);
        assertTrue("a paused stretch of about 3 s", pauseLast - pauseFirst >= 2 * FRAME_RATE);
        for (int i = pauseFirst; i <= pauseLast; i++) {
            assertEquals("frame " + i + " while paused", 0, classify(colours.get(i)));
        }
        assertEquals("green after the resume", GREEN, colourAt(colours, (resumedAt + 1 + stoppedAt) / 2));
        assertTrue("no green before the pause", colours.subList(0, pauseFirst).stream().noneMatch(c -> classify(c) == GREEN));

        // OrkTrack has the screen tape, linked to the call.
        await("the screen tape READY in OrkTrack", () -> "READY".equals(query("SELECT state FROM orktape WHERE recid = ?", recid)));
        assertEquals("S", query("SELECT mediaType FROM orktape WHERE recid = ?", recid));
        assertEquals(orkuid, query("SELECT callRecid FROM orktape WHERE recid = ?", recid));
        List<ScreenRecording> screens = service(ScreenRecordings.class, null).ofCall(orkuid);
        assertEquals(1, screens.size());
        assertEquals(filenameOf(recid), screens.get(0).filename());
        assertTrue(screens.get(0).durationSeconds() >= stoppedAt - 1);
    }

    @Test
    public void aWrongVncPasswordIsAClearFailureAndLeavesNothingRunning() throws Exception {
        String orkuid = "itpw_" + System.currentTimeMillis();
        try (VncDesktop desktop = VncDesktop.start(160, 120, PASSWORD)) {
            HttpResponse<String> start = command("startrfb", desktop, "wrong", orkuid);
            assertEquals(200, start.statusCode());
            assertTrue(start.body(), start.body().contains("<success>false</success>"));
            assertTrue(start.body(), start.body().contains("VNC authentication failed"));
            assertTrue(command("stoprfb", desktop, "wrong", orkuid).body().contains("no screen recording for orkuid " + orkuid));
        }
        assertFalse("no recording thread", Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("orkrfb-" + orkuid)));
        assertFalse("no ffmpeg", ProcessHandle.current().descendants()
                .anyMatch(p -> p.info().command().orElse("").endsWith("ffmpeg")));
        if (Files.exists(screenRoot())) {
            try (Stream<Path> files = Files.walk(screenRoot())) {
                assertFalse(files.anyMatch(f -> f.getFileName().toString().startsWith(orkuid)));
            }
        }
    }

    /** An agent logged in at a workstation: the call's tape messages start and stop the screen recording by themselves. */
    @Test
    public void aCallOfALoggedInAgentRecordsTheAgentsScreen() throws Exception {
        String run = Long.toString(System.currentTimeMillis() % 100000);
        String call = "20261129_101500_S" + run;
        String device = "77" + run;
        ScreenRecordings screens = service(ScreenRecordings.class, null);
        try (VncDesktop desktop = VncDesktop.start(200, 100, PASSWORD)) {
            desktop.paint(BLUE);
            updateConfig("org.oreka.track.screen", "OrkRfbHostname", "localhost:" + rfbPort());
            updateConfig("org.oreka.track.screen", "VncPassword", PASSWORD);
            service(AgentTracking.class, null).saveWorkstation("Desk " + run, "127.0.0.1", desktop.port());
            assertTrue(track("cmd=agentstate&state=login&agent=agent" + run + "&device=" + device + "&workstation=127.0.0.1&rfbport="
                    + desktop.port()).contains("success=true"));
            long now = System.currentTimeMillis() / 1000;
            assertTrue(track("type=tape&recid=" + call + "&stage=start&timestamp=" + now + "&localparty=" + device
                    + "&remoteparty=5551234&direction=in&mediatype=A").contains("success=true"));
            await("OrkRfb recording the agent's screen", () -> !screens.ofCall(call).isEmpty());
            Thread.sleep(3000);
            assertTrue(track("type=tape&recid=" + call + "&stage=stop&timestamp=" + now + "&localparty=" + device
                    + "&duration=4&mediatype=A").contains("success=true"));
            await("the screen tape READY", () -> screens.ofCall(call).stream().anyMatch(s -> "READY".equals(s.state())));
        }
        ScreenRecording screen = screens.ofCall(call).get(0);
        Path video = screenRoot().resolve(screen.filename());
        FfProbe.Video probe = FfProbe.video(video);
        assertEquals(200, probe.width());
        assertTrue("duration " + probe.seconds(), probe.seconds() >= 2.5);
        assertEquals(BLUE, colourAt(FfProbe.centreColours(video), 1.5));

        // The call's own recording arrives: OrkWeb's detail page of its segment plays the agent's screen beside it.
        assertTrue(track("type=tape&recid=" + call + "&stage=ready&timestamp=" + (System.currentTimeMillis() / 1000)
                + "&localparty=" + device + "&remoteparty=5551234&duration=4&filename=" + call + ".wav&mediatype=A")
                .contains("success=true"));
        SegmentSearch search = service(SegmentSearch.class, null);
        await("the call's segment", () -> !search.ofFile(call + ".wav").isEmpty());
        long segment = search.ofFile(call + ".wav").get(0).id();
        HttpClient admin = webUser("screen-admin-" + run, true);
        String detail = admin.send(HttpRequest.newBuilder(URI.create(web("/segment?id=" + segment))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String src = "/orkweb/screen/" + segment + "/" + screen.recid();
        assertTrue(detail, detail.contains("<h2>Screen</h2>") && detail.contains("<video class=\"screen\" controls preload=\"metadata\" src=\"" + src + "\">"));
        HttpResponse<byte[]> played = admin.send(HttpRequest.newBuilder(URI.create(web(src.substring(7)))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, played.statusCode());
        assertEquals("video/webm", played.headers().firstValue("Content-Type").orElse(""));
        assertTrue("the video itself", java.util.Arrays.equals(Files.readAllBytes(video), played.body()));
        HttpResponse<byte[]> part = admin.send(HttpRequest.newBuilder(URI.create(web(src.substring(7))))
                .header("Range", "bytes=100-199").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("the player can seek", 206, part.statusCode());
        assertEquals(100, part.body().length);
        HttpClient stranger = webUser("screen-user-" + run, false);
        assertEquals("a user who may not see the call may not see its screen", 403, stranger.send(
                HttpRequest.newBuilder(URI.create(web(src.substring(7)))).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode());
        assertEquals(404, admin.send(HttpRequest.newBuilder(URI.create(web("/screen/" + segment + "/nothing"))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    /** A user of OrkWeb with a password, logged in (Oreka's remote login URL) in a client that keeps its cookie. */
    private HttpClient webUser(String loginString, boolean admin) throws Exception {
        UserDirectory users = service(UserDirectory.class, null);
        User user = users.save(new UserUpdate(loginString, "Screen", "Viewer", null, null, null, null, null, List.of()));
        users.setPassword(user.id(), "correct horse battery".toCharArray());
        users.setAdmin(user.id(), admin);
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<Void> login = client.send(HttpRequest.newBuilder(URI.create(web("/app?username=" + loginString
                + "&password=correct+horse+battery"))).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals("logged in and sent on", 302, login.statusCode());
        return client;
    }

    private String web(String path) throws Exception {
        return "http://localhost:" + webPort() + "/orkweb" + path;
    }

    private HttpResponse<String> command(String type, VncDesktop desktop, String password, String orkuid) throws Exception {
        return get("http://localhost:" + rfbPort() + "/command?type=" + type + "&hostname=127.0.0.1&port=" + desktop.port()
                + "&loginstring=5001&username=john&password=" + password + "&orkuid=" + orkuid);
    }

    private String track(String query) throws Exception {
        return getOk("http://localhost:" + webPort() + "/orktrack/command?" + query).body();
    }

    private int rfbPort() throws Exception {
        return Integer.parseInt(configValue("org.oreka.rfb", "HttpServerPort"));
    }

    private static Path screenRoot() {
        return Path.of(System.getProperty("karaf.data"), "screen");
    }

    /** The file of a screen recording: {@code yyyy/MM/dd/HH/<recid>.webm}, from the recid's time. */
    private static String filenameOf(String recid) {
        String time = recid.substring(recid.lastIndexOf("_S") + 2);
        return time.substring(0, 4) + "/" + time.substring(4, 6) + "/" + time.substring(6, 8) + "/" + time.substring(8, 10) + "/"
                + recid + ".webm";
    }

    private static int colourAt(List<Integer> colours, double seconds) {
        return classify(colours.get((int) Math.round(seconds * FRAME_RATE)));
    }

    private static double since(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** A decoded (lossy) colour as the pure colour it was painted: red, green, blue or black; else itself. */
    private static int classify(int rgb) {
        int r = rgb >>> 16 & 0xff;
        int g = rgb >>> 8 & 0xff;
        int b = rgb & 0xff;
        if (r < 40 && g < 40 && b < 40) {
            return 0;
        }
        if (r > 200 && g < 60 && b < 60) {
            return RED;
        }
        if (g > 200 && r < 60 && b < 60) {
            return GREEN;
        }
        if (b > 200 && r < 60 && g < 60) {
            return BLUE;
        }
        return rgb;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private String query(String sql, String parameter) {
        try (Connection c = service(DataSource.class, "(osgi.jndi.service.name=oreka)").getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
