package org.oreka.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.Before;
import org.junit.Test;
import org.oreka.protocol.SingleLine;
import org.oreka.track.storage.AgentTracking;
import org.oreka.track.storage.Direction;
import org.oreka.track.storage.LiveCalls;
import org.oreka.track.storage.Program;
import org.oreka.track.storage.Programs;
import org.oreka.track.storage.ScreenRecording;
import org.oreka.track.storage.ScreenRecordings;
import org.oreka.track.storage.UserDirectory;
import org.osgi.service.jdbc.DataSourceFactory;

import com.sun.net.httpserver.HttpServer;

/** Every OrkTrack command of spec table 2.1 over HTTP, against the booted distribution and its Derby database. */
public class TrackApiIT extends OrekaTestSupport {

    private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    @Before
    public void orkTrackIsUp() throws Exception {
        assertEquals("pong", track("cmd=ping").get("comment"));
    }

    private Map<String, String> track(String query) throws Exception {
        HttpResponse<String> response = get("http://localhost:" + webPort() + "/orktrack/command?" + query);
        return SingleLine.parse(response.body());
    }

    private static void assertOk(Map<String, String> reply) {
        assertEquals(reply.toString(), "true", reply.get("success"));
        assertEquals(reply.toString(), "NO_ERROR", reply.get("returncode"));
    }

    private static void assertError(String returnCode, Map<String, String> reply) {
        assertEquals(reply.toString(), "false", reply.get("success"));
        assertEquals(reply.toString(), returnCode, reply.get("returncode"));
        assertTrue(reply.toString(), reply.get("comment").startsWith("Error: " + returnCode));
    }

    private String recid(String suffix) {
        return "20240101_101500_" + run + suffix;
    }

    private Map<String, String> tape(String recid, String stage, long duration, String local, String service) throws Exception {
        return track("type=tape&recid=" + recid + "&stage=" + stage + "&captureport=" + recid.substring(16)
                + "&timestamp=" + (System.currentTimeMillis() / 1000 - duration) + "&filename=2024%2F01%2F01%2F10%2F" + recid
                + (stage.equals("start") ? "" : ".wav") + "&localparty=" + local + "&localentrypoint=&remoteparty=5145551234"
                + "&direction=in&duration=" + (stage.equals("start") ? 0 : duration) + "&service=" + service
                + "&localip=10.0.0.5&remoteip=10.0.0.1&nativecallid=" + recid + "%40pbx&tags=&ondemand=false&side=both"
                + "&live=true&hostname=localhost&");
    }

    private long count(String sql, Object... parameters) throws Exception {
        DataSource db = service(DataSource.class, "(osgi.jndi.service.name=oreka)");
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private String userId(String loginString) throws Exception {
        Map<String, String> reply = track("cmd=queryuser&localparty=" + loginString);
        assertOk(reply);
        return reply.get("userid");
    }

    @Test
    public void tapeMessagesAreStoredOnceAndReadyAppliesThePrograms() throws Exception {
        Programs programs = service(Programs.class, null);
        Program longCalls = programs.save(new Program(0, "it long calls " + run, true, Direction.ALL, 30, 0, 1.0,
                Program.Cycle.PERMANENT, null, null, null, null, 0, null, null, List.of(), 0, null, null, null, null));
        try {
            for (String stage : List.of("start", "stop", "ready", "ready")) {
                Map<String, String> reply = tape(recid("LONG"), stage, 40, "7001", "orkaudio-it");
                assertOk(reply);
                assertEquals("taperesponse", reply.get("class"));
                assertEquals("false", reply.get("deletetape"));
            }
            tape(recid("SHRT"), "start", 10, "7001", "orkaudio-it");
            assertEquals("true", tape(recid("SHRT"), "ready", 10, "7001", "orkaudio-it").get("deletetape"));
            assertEquals("true", tape(recid("SHRT"), "ready", 10, "7001", "orkaudio-it").get("deletetape"));
            assertEquals(1, count("SELECT COUNT(*) FROM orkprogtoseg p JOIN orksegment s ON p.segId = s.id JOIN orktape t"
                    + " ON s.tape_id = t.id WHERE t.recid = ?", recid("LONG")));
        } finally {
            programs.delete(longCalls.id());
        }
        assertEquals(1, count("SELECT COUNT(*) FROM orktape WHERE recid = ?", recid("LONG")));
        assertEquals(1, count("SELECT COUNT(*) FROM orksegment s JOIN orktape t ON s.tape_id = t.id WHERE t.recid = ?", recid("LONG")));
        assertEquals(0, count("SELECT COUNT(*) FROM orksegment s JOIN orktape t ON s.tape_id = t.id WHERE t.recid = ?", recid("SHRT")));
        assertEquals(1, count("SELECT COUNT(*) FROM orkservice WHERE name = 'orkaudio-it'"));
        assertError("ERROR_INVALID_PARAMETER", track("type=tape&recid=x&stage=complete&timestamp=1"));
        assertError("ERROR_MISSING_PARAMETER", track("type=tape&recid=x&stage=start"));
    }

    @Test
    public void ctiMetadataIsMatchedToItsRecordingAndEvaluatedAgain() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        Map<String, String> start = track("type=metadata&recid=cti-" + run + "&stage=start&timestamp=" + (now - 30)
                + "&localparty=7101&remoteparty=555&direction=in&loginstring=agent-" + run + "&service=cti");
        assertOk(start);
        String id = start.get("id");
        assertOk(track("type=metadata&recid=cti-" + run + "&stage=stop&timestamp=" + (now - 30) + "&duration=20"
                + "&localparty=7101&remoteparty=555&direction=in&loginstring=agent-" + run + "&service=cti&tags=Queue:Sales"));
        tape(recid("CTI1"), "start", 40, "7101", "orkaudio-it");
        assertOk(tape(recid("CTI1"), "ready", 40, "7101", "orkaudio-it"));
        assertEquals(1, count("SELECT COUNT(*) FROM orksegment WHERE metadata_id = ?", Long.parseLong(id)));
        Map<String, String> again = track("cmd=evalmetadata&ids=" + id);
        assertOk(again);
        assertEquals("1", again.get("matched"));
        assertEquals(1, count("SELECT COUNT(*) FROM orksegment WHERE metadata_id = ?", Long.parseLong(id)));
        assertEquals(1, count("SELECT COUNT(*) FROM orktag g JOIN orktape t ON g.tape_id = t.id WHERE t.recid = ? AND g.text = 'Sales'",
                recid("CTI1")));
        assertError("ERROR_INVALID_PARAMETER", track("cmd=evalmetadata&ids=1,two"));
    }

    @Test
    public void liveStatusShowsActiveAndInactiveUsersInTheSpecsFormats() throws Exception {
        String party = "72" + run;
        assertOk(track("cmd=adduser&firstname=Live&lastname=User&loginstring=" + party));
        String user = userId(party);
        tape(recid("LIV1"), "start", 14, party, "orkaudio-it");
        assertOk(track("cmd=addtag&localparty=" + party + "&tagentry=ClientID:12345"));
        Map<String, String> live = track("cmd=livestatus&users=" + user + ",nobody" + run);
        assertOk(live);
        assertEquals("livestatusresponse", live.get("class"));
        String[] statuses = live.get("userstatuses").split(",");
        assertEquals(2, statuses.length);
        assertTrue(statuses[0], statuses[0].matches("localhost--59120!" + party + "--5145551234--NEITHER--1[4-9]--"
                + recid("LIV1") + "--IN--both--REC--ClientID-12345"));
        assertEquals("inactive--NEITHER--86401", statuses[1]);
        tape(recid("LIV1"), "stop", 14, party, "orkaudio-it");
        String inactive = track("cmd=livestatus&users=" + party).get("userstatuses");
        assertTrue(inactive, inactive.matches("inactive--NEITHER--[0-5]"));
        assertError("ERROR_MISSING_PARAMETER", track("cmd=livestatus"));
    }

    @Test
    public void keepDiscardAndNeitherDecideTheUsersCall() throws Exception {
        String party = "73" + run;
        assertOk(track("cmd=adduser&firstname=Kept&lastname=User&loginstring=" + party));
        String user = userId(party);
        tape(recid("DIS1"), "start", 20, party, "orkaudio-it");
        Map<String, String> discard = track("cmd=discard&userid=" + user + "&elapsedtime=20");
        assertOk(discard);
        assertEquals(recid("DIS1"), discard.get("orkuid"));
        assertTrue(track("cmd=livestatus&users=" + user).get("userstatuses").contains("--DROP--"));
        assertEquals("true", tape(recid("DIS1"), "ready", 20, party, "orkaudio-it").get("deletetape"));
        Map<String, String> keep = track("cmd=keep&userid=" + user + "&elapsedtime=0");
        assertOk(keep);
        assertEquals("", keep.get("orkuid"));
        assertEquals("inactive--KEEP--", track("cmd=livestatus&users=" + user).get("userstatuses").substring(0, 16));
        tape(recid("DIS2"), "start", 5, party, "orkaudio-it");
        assertOk(track("cmd=neither&userid=" + user));
        assertTrue(track("cmd=livestatus&users=" + user).get("userstatuses").contains("--NEITHER--"));
        assertError("ERROR_NO_USER_FOUND", track("cmd=keep&userid=999999999"));
        assertError("ERROR_MISSING_PARAMETER", track("cmd=keep&elapsedtime=3"));
    }

    @Test
    public void usersAreProvisionedAsTheSpecSays() throws Exception {
        String login = "74" + run;
        service(UserDirectory.class, null).createGroup("Auditors " + run, true, null);
        assertOk(track("cmd=adduser&firstname=John&lastname=Smith&loginstring=" + login + "&email=js%40abc.com&groupname=Sales+"
                + run + "&recordable=yes"));
        assertEquals(1, count("SELECT COUNT(*) FROM orkgroup WHERE name = ?", "Sales " + run));
        assertOk(track("cmd=adduser&loginstring=" + login + "&recordable=0&securitygroupname=Auditors+" + run));
        Map<String, String> queried = track("cmd=queryuser&localparty=" + login);
        assertEquals("false", queried.get("recordable"));
        assertEquals("true", queried.get("active"));
        assertEquals(1, count("SELECT COUNT(*) FROM orkuser u JOIN orkgroup g ON u.securityGroup_id = g.id WHERE g.name = ?"
                + " AND u.firstname = 'John' AND u.email = 'js@abc.com'", "Auditors " + run));
        assertError("ERROR_SAVING_USER", track("cmd=adduser&firstname=NoLogin&lastname=X"));
        assertError("ERROR_SAVING_USER", track("cmd=adduser&loginstring=75" + run + "&firstname=Only"));
        assertError("ERROR_INVALID_PARAMETER", track("cmd=adduser&loginstring=" + login + "&recordable=perhaps&groupname=x"));

        assertOk(track("cmd=addloginstring&findloginstring=" + login + "&newloginstring=76" + run));
        assertEquals(userId(login), userId("76" + run));
        assertError("ERROR_NO_USER_FOUND_FOR_LOGINSTRING", track("cmd=addloginstring&findloginstring=nobody" + run
                + "&newloginstring=77" + run));
        assertError("ERROR_NO_USER_FOUND_FOR_LOGINSTRING", track("cmd=queryuser&localparty=nobody" + run));

        Map<String, String> deleted = track("cmd=deletegroup&groupname=Sales+" + run);
        assertOk(deleted);
        assertEquals("groupresponse", deleted.get("class"));
        assertError("ERROR_GROUP_NOT_FOUND", track("cmd=deletegroup&groupname=Sales+" + run));
        assertError("ERROR_GROUP_NOT_FOUND", track("cmd=deletegroup&groupname=Auditors+" + run));
        track("cmd=adduser&loginstring=78" + run + "&groupname=Twin+" + run);
        service(UserDirectory.class, null).createGroup("Twin " + run, false, null);
        assertError("ERROR_DUPLICATE_GROUP", track("cmd=deletegroup&groupname=Twin+" + run));
    }

    @Test
    public void usersAreImportedFromACsvFileOnTheServerOnly() throws Exception {
        Path folder = Path.of(System.getProperty("karaf.data"), "import");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("users-" + run + ".csv"), "loginstring,firstname,lastname,groupname\n"
                + "81" + run + "|82" + run + ",Ann,Lee,Import " + run + "\n83" + run + ",Bob,Kay,\n");
        Map<String, String> imported = track("cmd=addusers&file=users-" + run + ".csv&keeppls=false&recordable=false");
        assertOk(imported);
        assertEquals("2", imported.get("added"));
        assertEquals(userId("81" + run), userId("82" + run));
        assertEquals("false", track("cmd=queryuser&localparty=83" + run).get("recordable"));
        assertError("ERROR_IMPORTING_USERS", track("cmd=addusers&file=..%2F..%2Fetc%2Fusers.properties"));
        assertError("ERROR_IMPORTING_USERS", track("cmd=addusers&file=missing.csv"));
    }

    @Test
    public void agentsLogInAndOutAtDevicesAndWorkstations() throws Exception {
        String agent = "agent" + run;
        service(AgentTracking.class, null).saveWorkstation("Desk " + run, "desk-" + run, 5900);
        assertOk(track("cmd=adduser&firstname=Agent&lastname=Smith&loginstring=" + agent));
        Map<String, String> login = track("cmd=agentstate&state=login&agent=" + agent + "&device=85" + run
                + "&agentgroup=6000&workstation=desk-" + run);
        assertOk(login);
        assertEquals("agentstateresponse", login.get("class"));
        tape(recid("AGT1"), "start", 3, "85" + run, "orkaudio-it");
        assertTrue(track("cmd=livestatus&users=" + userId(agent)).get("userstatuses").contains("!85" + run + "--"));
        assertOk(track("cmd=agentstate&state=login&agent=" + agent + "&device=86" + run));
        assertOk(track("cmd=agentstate&state=logout&device=86" + run));
        assertOk(track("cmd=agentstate&state=logout&workstation=desk-" + run + "&rfbport=5900"));
        assertError("ERROR_NOT_LOGGED_IN", track("cmd=agentstate&state=logout&agent=" + agent + "&device=86" + run));
        assertError("ERROR_WORKSTATION_NOT_FOUND", track("cmd=agentstate&state=login&agent=" + agent + "&workstation=nowhere"));
        assertError("ERROR_MISSING_PARAMETER", track("cmd=agentstate&state=login&agent=" + agent));
        assertError("ERROR_INVALID_PARAMETER", track("cmd=agentstate&state=dance&device=1"));
    }

    /** OrkRfb's screen tapes (mediatype=S) stored beside their call and found by its orkuid, never as calls. */
    @Test
    public void screenTapesAreStoredBesideTheirCall() throws Exception {
        String call = recid("SCR1");
        String screen = call + "_S20240101101501";
        long now = System.currentTimeMillis() / 1000;
        assertOk(tape(call, "start", 20, "88" + run, "orkaudio-it"));
        assertOk(track("type=init&name=orkrfb-it&hostname=rfbhost&servicetype=S&tcpport=59170&protocol=http"));
        for (String stage : new String[] {"start", "stop", "ready", "ready"}) {
            assertOk(track("type=tape&recid=" + screen + "&stage=" + stage + "&captureport=desk-" + run + "%3A5900&timestamp="
                    + now + "&filename=2024%2F01%2F01%2F10%2F" + screen + ".webm&duration=" + (stage.equals("start") ? 0 : 19)
                    + "&service=orkrfb-it&hostname=rfbhost&loginstring=agent" + run + "&orkuid=" + call + "&mediatype=S"));
        }
        List<ScreenRecording> screens = service(ScreenRecordings.class, null).ofCall(call);
        assertEquals(1, screens.size());
        ScreenRecording found = screens.get(0);
        assertEquals(screen, found.recid());
        assertEquals("2024/01/01/10/" + screen + ".webm", found.filename());
        assertEquals(19, found.durationSeconds());
        assertEquals("orkrfb-it", found.recorder());
        assertEquals("READY", found.state());
        assertTrue(service(LiveCalls.class, null).byOrkuid(screen).isEmpty());
        assertTrue(service(LiveCalls.class, null).byOrkuid(call).isPresent());
    }

    @Test
    public void tagsAreAddedInTheirThreeFormsAndWaitForFutureRecordings() throws Exception {
        tape(recid("TAG1"), "start", 5, "87" + run, "orkaudio-it");
        Map<String, String> byOrkuid = track("cmd=addtag&orkuid=" + recid("TAG1") + "&tagentry=CustomerNo:1234&tagentry=AgentID:3001");
        assertOk(byOrkuid);
        assertEquals(recid("TAG1"), byOrkuid.get("orkuids"));
        assertOk(track("type=addtag&localparty=&orkuid=" + recid("TAG1") + "&tagtype=dtmfdigit&tagtext=0&offsetmsec=20006&"));
        assertOk(track("cmd=addtag&localparty=87" + run + "&tagentry=Monitored:test"));
        Map<String, String> like = track("cmd=addtag&findtagtype=CustomerNo&findtagtext=1234&tagentry=Vip:yes");
        assertOk(like);
        assertTrue(like.get("orkuids").contains(recid("TAG1")));
        tape(recid("TAG2"), "start", 5, "88" + run, "orkaudio-it");
        assertOk(track("cmd=addtag&orkuid=" + recid("TAG2") + "&tagentry=CustomerNo:1234"));
        assertEquals(1, count("SELECT COUNT(*) FROM orktag g JOIN orktape t ON g.tape_id = t.id WHERE t.recid = ? AND g.text = 'yes'",
                recid("TAG2")));
        assertEquals(5, count("SELECT COUNT(*) FROM orktag g JOIN orktape t ON g.tape_id = t.id WHERE t.recid = ?", recid("TAG1")));
        assertError("ERROR_NO_RECORDING_FOUND", track("cmd=addtag&orkuid=none" + run + "&tagentry=a:b"));
        assertError("ERROR_MISSING_PARAMETER", track("cmd=addtag&orkuid=" + recid("TAG1")));
        assertError("ERROR_INVALID_TAG", track("cmd=addtag&orkuid=" + recid("TAG1") + "&tagentry=notag"));
    }

    @Test
    public void onDemandCommandsReachTheRecorderThatHoldsTheCall() throws Exception {
        List<String> askedA = Collections.synchronizedList(new ArrayList<>());
        List<String> askedB = Collections.synchronizedList(new ArrayList<>());
        HttpServer a = fakeRecorder(askedA, "89" + run);
        HttpServer b = fakeRecorder(askedB, "90" + run);
        try {
            assertOk(track("type=init&name=rec-a-" + run + "&hostname=127.0.0.1&servicetype=A&tcpport=" + a.getAddress().getPort()
                    + "&streamingport=" + a.getAddress().getPort()));
            assertOk(track("type=init&name=rec-b-" + run + "&hostname=127.0.0.1&servicetype=A&tcpport=" + b.getAddress().getPort()
                    + "&streamingport=" + b.getAddress().getPort()));
            tape(recid("OND1"), "start", 5, "90" + run, "rec-b-" + run);
            Map<String, String> pause = track("cmd=ondemand&type=pause&localparty=90" + run);
            assertOk(pause);
            assertEquals("rec-b-" + run, pause.get("recorder"));
            assertEquals(List.of("type=pause&party=90" + run + "&side=both"), askedB);
            assertTrue(askedA.isEmpty());
            assertTrue(track("cmd=livestatus&users=90" + run).get("userstatuses").endsWith("--PAUSED"));
            assertOk(track("cmd=ondemand&type=resume&orkuid=" + recid("OND1")));
            assertTrue(track("cmd=livestatus&users=90" + run).get("userstatuses").endsWith("--REC"));

            Map<String, String> record = track("cmd=ondemand&type=record&localparty=89" + run);
            assertOk(record);
            assertEquals("rec-a-" + run, record.get("recorder"));
            assertError("ERROR_RECORDER_REFUSED", track("cmd=ondemand&type=stop&localparty=nobody" + run));

            HttpResponse<byte[]> audio = http().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:"
                    + webPort() + "/orktrack/command?cmd=ondemand&type=streamaudio&localparty=90" + run)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, audio.statusCode());
            assertEquals(16000, audio.body().length);
            assertError("ERROR_INVALID_PARAMETER", track("cmd=ondemand&type=explode&localparty=1"));
        } finally {
            a.stop(0);
            b.stop(0);
        }
    }

    /** A recorder's command and live audio API that knows one party; it streams a second of silence. */
    private static HttpServer fakeRecorder(List<String> asked, String knownParty) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/command", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            asked.add(query);
            boolean known = query.contains("party=" + knownParty) || query.contains("orkuid=");
            byte[] body = (known ? "success=true comment=ok " : "success=false comment=no%ssession ").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/", exchange -> {
            byte[] silence = new byte[16000];
            exchange.getResponseHeaders().add("Content-Type", "audio/L16;rate=8000");
            exchange.sendResponseHeaders(200, silence.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(silence);
            }
        });
        server.start();
        return server;
    }

    @Test
    public void externalDatabaseTasksProvisionUsersFromASecondDatabase() throws Exception {
        String url = "jdbc:derby:" + System.getProperty("karaf.data") + "/hr-" + run;
        DataSourceFactory derby = service(DataSourceFactory.class, "(osgi.jdbc.driver.name=derby)");
        Properties create = new Properties();
        create.setProperty(DataSourceFactory.JDBC_URL, url + ";create=true");
        try (Connection c = derby.createDataSource(create).getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE staff (ext VARCHAR(20), given VARCHAR(40), family VARCHAR(40), team VARCHAR(40))");
            s.execute("INSERT INTO staff VALUES ('91" + run + "', 'Hr', 'One', 'HR " + run + "')");
            s.execute("INSERT INTO staff VALUES ('92" + run + "|93" + run + "', 'Hr', 'Two', NULL)");
        }
        org.osgi.service.cm.Configuration task = configurationAdmin.createFactoryConfiguration("org.oreka.track.extdb", "?");
        Hashtable<String, Object> settings = new Hashtable<>();
        settings.put("name", "hr-" + run);
        settings.put("url", url);
        settings.put("query", "SELECT ext, given, family, team FROM staff");
        settings.put("LoginStringColumn", "ext");
        settings.put("FirstNameColumn", "given");
        settings.put("LastNameColumn", "family");
        settings.put("GroupColumn", "team");
        task.update(settings);
        Map<String, String> synced = track("cmd=extdbsync&name=hr-" + run);
        for (int i = 0; i < 50 && "ERROR_NO_SUCH_TASK".equals(synced.get("returncode")); i++) {
            Thread.sleep(200);
            synced = track("cmd=extdbsync&name=hr-" + run);
        }
        assertOk(synced);
        assertEquals("2", synced.get("added"));
        assertEquals(userId("92" + run), userId("93" + run));
        assertEquals(1, count("SELECT COUNT(*) FROM orkuser WHERE externalUser = TRUE AND lastname = 'One'"
                + " AND id = " + userId("91" + run)));
        assertError("ERROR_NO_SUCH_TASK", track("cmd=extdbsync&name=nothing"));
        task.delete();
    }

    @Test
    public void cachesAndTheLoggingConfigurationReload() throws Exception {
        assertOk(track("cmd=updatecache"));
        assertOk(track("cmd=updatecache&cache=programsremoteparty"));
        assertError("ERROR_INVALID_PARAMETER", track("cmd=updatecache&cache=everything"));
        Map<String, String> logging = track("cmd=reloadloggingconfig");
        assertOk(logging);
        assertTrue(logging.get("comment"), logging.get("comment").startsWith("reloaded org.ops4j.pax.logging.cfg"));
    }

    @Test
    public void unknownCommandsAreClearErrors() throws Exception {
        HttpResponse<String> unknown = get("http://localhost:" + webPort() + "/orktrack/command?cmd=fly");
        assertEquals(400, unknown.statusCode());
        assertEquals("ERROR_UNKNOWN_COMMAND", SingleLine.parse(unknown.body()).get("returncode"));
        assertEquals("ERROR_NO_COMMAND", track("").get("returncode"));
        assertEquals("pong", track("class=ping").get("comment"));
        assertEquals("pong", track("type=PING").get("comment"));
    }
}
