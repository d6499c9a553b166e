package org.oreka.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.oreka.protocol.SingleLine;
import org.oreka.testing.Distribution;

/**
 * OrkWeb's administration pages in headless Chromium against the distribution running as a server: the first
 * administrator is made with {@code oreka:web-admin} over ssh, as an installer would, and everything else happens
 * in the browser, checked through the pages, OrkWeb's answers and OrkTrack's API.
 */
public class AdminPagesIT {

    private static final String ADMIN = "boss";
    private static final String ADMIN_PASSWORD = "first-admin-password";
    private static final List<String> ADMIN_PATHS = List.of("/admin/users", "/admin/users?id=1", "/admin/groups",
            "/admin/programs", "/admin/programs?id=new", "/admin/tagtypes", "/admin/workstations", "/admin/recorders");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Path work;
    private static Distribution karaf;
    private static int web;

    private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    @BeforeClass
    public static void startTheDistributionAndMakeTheFirstAdministrator() throws Exception {
        work = Path.of("target", "admin-pages").toAbsolutePath();
        karaf = Distribution.unpack(distribution(), work.resolve("karaf"));
        web = freePort();
        int ssh = freePort();
        int recorder = freePort();
        karaf.edit("org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(web));
        karaf.edit("org.apache.karaf.shell.cfg", "sshPort", Integer.toString(ssh));
        karaf.edit("org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(freePort()));
        karaf.edit("org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(freePort()));
        karaf.edit("org.oreka.audio.cfg", "HttpServerPort", Integer.toString(recorder));
        karaf.edit("org.oreka.audio.cfg", "EventStreamingServerPort", Integer.toString(freePort()));
        Path key = work.resolve("ssh-key");
        Files.deleteIfExists(key);
        Files.deleteIfExists(work.resolve("ssh-key.pub"));
        run(List.of("ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-N", "", "-f", key.toString()), "");
        String publicKey = Files.readString(work.resolve("ssh-key.pub")).split(" ")[1];
        Files.writeString(karaf.home.resolve("etc/keys.properties"), "\nadmin=" + publicKey + ",_g_:admingroup\n",
                java.nio.file.StandardOpenOption.APPEND);
        karaf.start("admin-pages");
        karaf.awaitPings(web, recorder);
        Distribution.await(track("type=tape"), "ERROR_MISSING_PARAMETER", System.nanoTime());

        List<String> command = List.of("ssh", "-i", key.toString(), "-p", Integer.toString(ssh), "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "admin@localhost",
                "oreka:web-admin " + ADMIN);
        String output = "";
        for (int attempt = 0; attempt < 30 && !output.contains("is an OrkWeb administrator"); attempt++) {
            output = run(command, ADMIN_PASSWORD + "\n" + ADMIN_PASSWORD + "\n");
            if (!output.contains("is an OrkWeb administrator")) {
                Thread.sleep(1000);
            }
        }
        assertTrue(output, output.contains("New user") && output.contains("(" + ADMIN + ") is an OrkWeb administrator"));
    }

    @AfterClass
    public static void stop() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    private static String base() {
        return "http://localhost:" + web + "/orkweb";
    }

    private static String track(String query) {
        return "http://localhost:" + web + "/orktrack/command?" + query;
    }

    private HeadlessChromium browser() throws IOException {
        return new HeadlessChromium(work.resolve("profiles"));
    }

    private static void logIn(HeadlessChromium browser, String login, String password) {
        browser.open(base() + "/login");
        browser.fill("username", login);
        browser.fill("password", password);
        browser.submit("login");
    }

    /** As the administrator, creates a user with a login string and a password through the users page. */
    private static void createUser(HeadlessChromium admin, String login, String first, String last, String password) {
        admin.open(base() + "/admin/users");
        admin.fill("loginstring", login);
        admin.fill("firstname", first);
        admin.fill("lastname", last);
        admin.fill("password", password);
        admin.fill("password2", password);
        admin.submit("createuser");
        assertEquals(admin.text(), "User " + first + " " + last, admin.heading());
        assertTrue(admin.text(), admin.text().contains("User " + first + " " + last + " created"));
    }

    @Test
    public void anAdministratorCreatesAUserWithALoginStringAndAPasswordAndThatUserLogsIn() throws Exception {
        String login = "70" + run;
        try (HeadlessChromium admin = browser()) {
            logIn(admin, ADMIN, ADMIN_PASSWORD);
            assertTrue(admin.text(), admin.text().contains("Users"));
            createUser(admin, login, "Ann", "Lee" + run, "ann-password-1");
            admin.fill("loginstring", "sip:ann" + run + "@pbx");
            admin.submit("addloginstring");
            assertTrue(admin.text(), admin.text().contains("sip:ann" + run + "@pbx"));
            admin.open(base() + "/admin/users?q=" + URLEncoder.encode("lee" + run.toLowerCase(), StandardCharsets.UTF_8));
            assertTrue(admin.text(), admin.text().contains(login + ", sip:ann" + run + "@pbx"));
        }
        // OrkTrack sees the user and its login strings.
        assertTrue(get(track("cmd=queryuser&localparty=" + login)).body().contains("success=true"));
        try (HeadlessChromium ann = browser()) {
            logIn(ann, "sip:ann" + run + "@pbx", "wrong-password");
            assertEquals("Log in", ann.heading());
            logIn(ann, login, "ann-password-1");
            assertEquals(ann.text(), "Recordings", ann.heading());
            assertTrue(ann.text(), ann.text().contains("Ann Lee" + run));
            assertFalse("no administration menu for a user: " + ann.text(), ann.text().contains("Programs"));
        }
    }

    @Test
    public void anAdministratorGrantsRightsDisablesEnablesAndDeletesAUser() throws Exception {
        String login = "74" + run;
        try (HeadlessChromium admin = browser()) {
            logIn(admin, ADMIN, ADMIN_PASSWORD);
            createUser(admin, login, "Di", "Fox" + run, "di-password-1");
            admin.submitLabelled("Make administrator");
            assertTrue(admin.text(), admin.text().contains("Now an administrator"));
            try (HeadlessChromium di = browser()) {
                logIn(di, login, "di-password-1");
                di.open(base() + "/admin/recorders");
                assertEquals("an administrator now", "Recorders", di.heading());
            }
            admin.submitLabelled("Disable");
            assertTrue(admin.text(), admin.text().contains("disabled, administrator"));
            try (HeadlessChromium di = browser()) {
                logIn(di, login, "di-password-1");
                assertEquals("a disabled user cannot log in", "Log in", di.heading());
            }
            admin.submitLabelled("Enable");
            try (HeadlessChromium di = browser()) {
                logIn(di, login, "di-password-1");
                assertEquals("Recordings", di.heading());
            }
            admin.submitLabelled("Delete user");
            assertEquals("Users", admin.heading());
            assertTrue(admin.text(), admin.text().contains("User Di Fox" + run + " deleted"));
            assertFalse(admin.text(), admin.text().contains(login));
            try (HeadlessChromium di = browser()) {
                logIn(di, login, "di-password-1");
                assertEquals("a deleted user cannot log in", "Log in", di.heading());
            }
            // The administrator's own page offers nothing that would lock them out.
            admin.open(base() + "/admin/users?q=" + ADMIN);
            admin.follow("OrkWeb Administrator");
            assertTrue(admin.text(), admin.text().contains("Your own account"));
            assertFalse(admin.text(), admin.text().contains("Delete user"));
        }
    }

    @Test
    public void aUserWhoIsNotAnAdministratorGets403OnEveryAdministrationPage() throws Exception {
        String login = "71" + run;
        try (HeadlessChromium admin = browser()) {
            logIn(admin, ADMIN, ADMIN_PASSWORD);
            createUser(admin, login, "Bob", "Ray" + run, "bob-password-1");
        }
        try (HeadlessChromium bob = browser()) {
            logIn(bob, login, "bob-password-1");
            assertEquals("Recordings", bob.heading());
            String cookie = bob.cookie("JSESSIONID");
            String csrf = bob.fieldValue("csrf");
            for (String path : ADMIN_PATHS) {
                assertEquals(path, 403, send(HttpRequest.newBuilder(URI.create(base() + path)).header("Cookie", cookie).GET()).statusCode());
            }
            // Even with the session's CSRF token, a change is refused.
            HttpResponse<String> post = send(form(base() + "/admin/groups", cookie, Map.of("csrf", csrf, "action", "create",
                    "name", "Bob's" + run)));
            assertEquals(403, post.statusCode());
            bob.open(base() + "/admin/users");
            assertFalse(bob.text(), bob.text().contains("New user"));
        }
        try (HeadlessChromium admin = browser()) {
            logIn(admin, ADMIN, ADMIN_PASSWORD);
            admin.open(base() + "/admin/groups");
            assertFalse(admin.text(), admin.text().contains("Bob's" + run));
        }
    }

    @Test
    public void aPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        try (HeadlessChromium admin = browser()) {
            logIn(admin, ADMIN, ADMIN_PASSWORD);
            admin.open(base() + "/admin/groups");
            String cookie = admin.cookie("JSESSIONID");
            String csrf = admin.fieldValue("csrf");
            HttpResponse<String> without = send(form(base() + "/admin/groups", cookie, Map.of("action", "create",
                    "name", "NoToken" + run)));
            assertEquals(403, without.statusCode());
            HttpResponse<String> wrong = send(form(base() + "/admin/groups", cookie, Map.of("csrf", csrf + "x", "action",
                    "create", "name", "NoToken" + run)));
            assertEquals(403, wrong.statusCode());
            admin.open(base() + "/admin/groups");
            assertFalse(admin.text(), admin.text().contains("NoToken" + run));
            // The same request with the token is what the page sends, and works.
            HttpResponse<String> with = send(form(base() + "/admin/groups", cookie, Map.of("csrf", csrf, "action", "create",
                    "name", "WithToken" + run)));
            assertEquals(302, with.statusCode());
            admin.open(base() + "/admin/groups");
            assertTrue(admin.text(), admin.text().contains("WithToken" + run));
        }
    }

    @Test
    public void aGroupIsCreatedWithAMemberNestedAndDeleted() throws Exception {
        String login = "72" + run;
        try (HeadlessChromium admin = browser()) {
            logIn(admin, ADMIN, ADMIN_PASSWORD);
            createUser(admin, login, "Cy", "Doe" + run, "cy-password-1");
            admin.open(base() + "/admin/groups");
            admin.fill("name", "Sales" + run);
            admin.submit("creategroup");
            assertEquals("Group Sales" + run, admin.heading());
            admin.fill("loginstring", login);
            admin.submit("addmember");
            assertTrue(admin.text(), admin.text().contains("Cy Doe" + run));
            admin.open(base() + "/admin/groups");
            admin.fill("name", "East" + run);
            new Select(admin.driver().findElement(By.id("parent"))).selectByVisibleText("Sales" + run);
            admin.submit("creategroup");
            admin.open(base() + "/admin/groups");
            assertTrue(admin.text(), admin.text().contains("Sales" + run + " / East" + run));

            admin.follow("Sales" + run);
            admin.submitLabelled("Delete group");
            assertEquals("Groups", admin.heading());
            assertTrue(admin.text(), admin.text().contains("Group Sales" + run + " deleted"));
            assertFalse(admin.text(), admin.text().contains("Sales" + run + " / East" + run));
            assertTrue("the sub-group moves up: " + admin.text(), admin.text().contains("East" + run));
        }
        // Gone from the database: OrkTrack's deletegroup finds nothing by that name.
        assertTrue(get(track("cmd=deletegroup&groupname=Sales" + run)).body().contains("ERROR_GROUP_NOT_FOUND"));
    }

    @Test
    public void aProgramCreatedInThePagesDiscardsTheTapesItDoesNotMatch() throws Exception {
        String name = "Long calls " + run;
        try (HeadlessChromium admin = browser()) {
            logIn(admin, ADMIN, ADMIN_PASSWORD);
            admin.open(base() + "/admin/programs?id=new");
            admin.fill("name", name);
            admin.fill("mindur", "sixty");
            admin.submit("saveprogram");
            assertTrue(admin.text(), admin.text().contains("Minimum duration is a whole number, 0 or more (0: no limit); 'sixty' is not"));
            admin.fill("mindur", "60");
            admin.fill("localparty", "73" + run);
            admin.submit("saveprogram");
            assertEquals("Programs", admin.heading());
            assertTrue(admin.text(), admin.text().contains("Program " + name + " created"));
            assertTrue(admin.text(), admin.text().contains("calls, of at least 60 s, local party 73" + run));
            try {
                assertEquals("true", tape(recid("SHRT"), "73" + run, 10).get("deletetape"));
                assertEquals("false", tape(recid("LONG"), "73" + run, 90).get("deletetape"));
            } finally {
                // Other tests' tapes must not meet this program.
                admin.open(base() + "/admin/programs");
                admin.submitInRow("programs", name, "Delete");
                assertTrue(admin.text(), admin.text().contains("Program " + name + " deleted"));
            }
        }
    }

    @Test
    public void aSecurityGroupSeesTheRecordingsOfTheGroupsChosenOnItsPage() throws Exception {
        String agent = "75" + run;
        String supervisor = "76" + run;
        String recid = recid("SEC");
        try (HeadlessChromium admin = browser()) {
            logIn(admin, ADMIN, ADMIN_PASSWORD);
            createUser(admin, agent, "Ed", "Agent" + run, "ed-password-1");
            createUser(admin, supervisor, "Flo", "Boss" + run, "flo-password-1");
            admin.open(base() + "/admin/groups");
            admin.fill("name", "Team" + run);
            admin.submit("creategroup");
            admin.fill("loginstring", agent);
            admin.submit("addmember");
            assertEquals("false", tape(recid, agent, 30).get("deletetape"));

            admin.open(base() + "/admin/groups");
            admin.fill("name", "Supervisors" + run);
            admin.driver().findElement(By.id("security")).click();
            admin.submit("creategroup");
            assertEquals("Security group Supervisors" + run, admin.heading());
            admin.fill("loginstring", supervisor);
            admin.submit("addmember");
            try (HeadlessChromium flo = browser()) {
                logIn(flo, supervisor, "flo-password-1");
                flo.open(base() + "/recordings?local=" + agent);
                assertFalse("not yet visible: " + flo.text(), flo.text().contains(recid));

                admin.driver().findElement(By.xpath("//label[contains(., 'Team" + run + "')]/input[@name='visible']")).click();
                admin.submit("savevisible");
                assertTrue(admin.text(), admin.text().contains("Visible groups saved"));
                flo.open(base() + "/recordings?local=" + agent);
                assertTrue("visible through the security group: " + flo.text(), flo.text().contains(recid));
            }
        }
    }

    @Test
    public void tagTypesAreCreatedRenamedAndDeletedWhileUnused() throws Exception {
        try (HeadlessChromium admin = browser()) {
            logIn(admin, ADMIN, ADMIN_PASSWORD);
            admin.open(base() + "/admin/tagtypes");
            admin.fill("name", "Complaint" + run);
            admin.submit("createtagtype");
            assertTrue(admin.text(), admin.text().contains("Tag type Complaint" + run + " created"));
            admin.fill("name", "Complaint" + run);
            admin.submit("createtagtype");
            assertTrue(admin.text(), admin.text().contains("a tag type is already named 'Complaint" + run + "'"));

            WebElement rename = admin.driver().findElement(By.xpath("//input[@aria-label='New name of Complaint" + run + "']"));
            rename.clear();
            rename.sendKeys("Escalation" + run);
            admin.submitInRow("tagtypes", "Complaint" + run, "Rename");
            assertTrue(admin.text(), admin.text().contains("Renamed to Escalation" + run));
            admin.submitInRow("tagtypes", "Escalation" + run, "Delete");
            assertTrue(admin.text(), admin.text().contains("Tag type deleted"));
            assertFalse(admin.text(), admin.text().contains("Escalation" + run));
        }
    }

    @Test
    public void aWorkstationMadeInThePagesTakesAgentLoginsAndTheRecordersAreListed() throws Exception {
        String host = "desk-" + run.toLowerCase();
        String agent = "agent" + run;
        assertTrue(get(track("type=init&name=rec-" + run + "&hostname=10.1.2.3&servicetype=A&tcpport=59140")).body()
                .contains("success=true"));
        try (HeadlessChromium admin = browser()) {
            logIn(admin, ADMIN, ADMIN_PASSWORD);
            admin.open(base() + "/admin/recorders");
            assertTrue(admin.text(), admin.text().contains("rec-" + run + " 10.1.2.3 59140"));

            // OrkTrack refuses a login at a workstation OrkWeb does not know.
            assertTrue(get(track("cmd=agentstate&state=login&agent=" + agent + "&workstation=" + host)).body()
                    .contains("ERROR_WORKSTATION_NOT_FOUND"));
            admin.open(base() + "/admin/workstations");
            admin.fill("name", "Desk " + run);
            admin.fill("hostname", host);
            admin.fill("rfbport", "5901");
            admin.submit("saveworkstation");
            assertTrue(admin.text(), admin.text().contains("Desk " + run + " " + host + " 5901"));
            assertTrue(get(track("cmd=agentstate&state=login&agent=" + agent + "&device=88" + run + "&workstation=" + host))
                    .body().contains("success=true"));
            admin.open(base() + "/admin/workstations");
            assertTrue(admin.text(), admin.text().contains(agent + " 88" + run));

            admin.submitInRow("workstations", host, "Delete");
            assertTrue(admin.text(), admin.text().contains("are logged in at workstation 'Desk " + run + "'; log them out first"));
            assertTrue(get(track("cmd=agentstate&state=logout&workstation=" + host)).body().contains("success=true"));
            admin.open(base() + "/admin/workstations");
            admin.submitInRow("workstations", host, "Delete");
            assertTrue(admin.text(), admin.text().contains("Workstation deleted"));
            assertFalse(admin.text(), admin.text().contains(host));
        }
    }

    private String recid(String suffix) {
        return "20240101_101500_" + run + suffix;
    }

    /** A call that ended now, started, stopped and ready; the ready answer. */
    private Map<String, String> tape(String recid, String localParty, long duration) throws Exception {
        Map<String, String> reply = Map.of();
        for (String stage : new String[] {"start", "stop", "ready"}) {
            reply = SingleLine.parse(get(track("type=tape&recid=" + recid + "&stage=" + stage + "&captureport=" + recid
                    + "&timestamp=" + (System.currentTimeMillis() / 1000 - duration) + "&filename=2024%2F01%2F01%2F10%2F" + recid
                    + ".wav&localparty=" + localParty + "&localentrypoint=&remoteparty=5145551234&direction=in&duration="
                    + (stage.equals("start") ? 0 : duration) + "&service=orkaudio-admin&localip=10.0.0.5&remoteip=10.0.0.1"
                    + "&nativecallid=" + recid + "%40pbx&hostname=localhost&")).body());
            assertEquals(reply.toString(), "true", reply.get("success"));
        }
        return reply;
    }

    private static HttpRequest.Builder form(String url, String cookie, Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** Runs a command with that standard input; its output and errors. */
    private static String run(List<String> command, String input) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return output;
    }

    private static Path distribution() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "karaf-assembly", "target"))) {
            return files.filter(f -> f.getFileName().toString().matches("karaf-assembly-.*\\.tar\\.gz")).map(Path::toAbsolutePath)
                    .findFirst().orElseThrow(() -> new IllegalStateException("build karaf-assembly first"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
