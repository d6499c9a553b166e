package org.oreka.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.oreka.testing.Distribution;

/**
 * OrkWeb in headless Chromium against the distribution running as a server of its own: the first administrator
 * made with {@code oreka:web-admin} over SSH, a replayed capture searched, played and filtered, an ordinary user's
 * narrower view, CSRF, the remote-login and direct-page URLs of the spec, and live monitoring's Keep reaching the
 * database. The methods run in name order, as one user's session follows another.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class OrkWebBrowserIT {

    private static final String CAPTURE = "synth-3-concurrent-calls.pcap";
    private static final String ADMIN = "boss";
    private static final String ADMIN_PASSWORD = "boss-secret-1";
    private static final String CAROL_PASSWORD = "carol-secret-1";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Distribution karaf;
    private static Path work;
    private static int web;
    private static int ssh;
    private static HeadlessChromium chromium;
    private static WebDriver browser;
    private static String carolId;
    private static String aliceOrkuid;

    @BeforeClass
    public static void startPlatformAndBrowser() throws Exception {
        work = Path.of("target", "orkweb-browser").toAbsolutePath();
        web = freePort();
        int recorder = freePort();
        ssh = freePort();
        karaf = Distribution.unpack(distribution(), work.resolve("karaf"));
        karaf.edit("org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(web));
        karaf.edit("org.apache.karaf.shell.cfg", "sshPort", Integer.toString(ssh));
        karaf.edit("org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(freePort()));
        karaf.edit("org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(freePort()));
        karaf.edit("org.oreka.audio.cfg", "HttpServerPort", Integer.toString(recorder));
        karaf.edit("org.oreka.audio.cfg", "EventStreamingServerPort", Integer.toString(freePort()));
        karaf.edit("org.oreka.audio.cfg", "TrackerHostname", "localhost:" + web);
        Path key = work.resolve("key");
        Files.deleteIfExists(key);
        Files.deleteIfExists(work.resolve("key.pub"));
        // Karaf's keys.properties takes RSA keys (not ed25519).
        run(List.of("ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-N", "", "-f", key.toString()), "");
        String publicKey = Files.readString(work.resolve("key.pub")).split(" ")[1];
        Files.writeString(karaf.home.resolve("etc/keys.properties"), "admin=" + publicKey + ",_g_:admingroup\n"
                + "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n");
        karaf.start("orkweb");
        karaf.awaitPings(web, recorder);
        Distribution.await(track("type=tape"), "ERROR_MISSING_PARAMETER", System.nanoTime());
        // Users exist before their calls are recorded, so that the calls are theirs.
        for (String user : List.of("loginstring=carol&firstname=Carol&lastname=Doe&groupname=Sales",
                "loginstring=5001&firstname=Ann&lastname=Lee")) {
            // The first boot refreshes Karaf's core after OrkTrack first answers: retry until the storage is back.
            await("OrkTrack adds " + user, () -> get(track("cmd=adduser&" + user)).contains("success=true"));
        }
        // OrkTrack's commands bind one by one as its bundle comes back: ask until queryuser is one of them.
        await("OrkTrack finds carol", () -> get(track("cmd=queryuser&localparty=carol")).contains("userid="));
        carolId = get(track("cmd=queryuser&localparty=carol")).replaceAll(".*userid=(\\d+).*", "$1").trim();
        Path capture = Path.of(System.getProperty("oreka.testdata", "../testdata"), "pcap", CAPTURE).toAbsolutePath();
        await("the capture replayed", () -> shell("oreka:replay " + capture, "").contains("3 recordings"));

        chromium = new HeadlessChromium(work);
        browser = chromium.driver();
    }

    @AfterClass
    public static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    public void t1_noOneCanLogInBeforeTheFirstAdministratorIsMade() throws Exception {
        browser.get(page("/"));
        assertTrue(browser.getCurrentUrl(), browser.getCurrentUrl().contains("/orkweb/login"));
        logIn(ADMIN, ADMIN_PASSWORD);
        assertEquals("Invalid login or password", text("p.error"));
        String mismatch = shell("oreka:web-admin " + ADMIN, ADMIN_PASSWORD + "\nsomething-else\n");
        assertTrue(mismatch, mismatch.contains("The passwords differ"));
        logIn(ADMIN, ADMIN_PASSWORD);
        assertEquals("Invalid login or password", text("p.error"));
        String made = shell("oreka:web-admin " + ADMIN, ADMIN_PASSWORD + "\n" + ADMIN_PASSWORD + "\n");
        assertTrue(made, made.contains("(" + ADMIN + ") is an OrkWeb administrator"));
    }

    @Test
    public void t2_theAdministratorFindsTheReplayedCallsWithTheirParties() throws Exception {
        browser.get(page("/recordings?from=2023-11-14T22:00&to=2023-11-14T23:00"));
        assertTrue(browser.getCurrentUrl().contains("/orkweb/login"));
        logIn(ADMIN, ADMIN_PASSWORD);
        assertTrue("back to the page asked for", browser.getCurrentUrl().contains("/orkweb/recordings?from=2023-11-14T22"));
        await("three recordings reported", () -> {
            browser.navigate().refresh();
            return rows().size() == 3;
        });
        assertEquals(List.of("erin>frank Out", "carol>dave Out", "alice>bob Out"), parties());
        assertTrue(browser.findElement(By.cssSelector("header.top")).getText().contains("administrator"));
        aliceOrkuid = row("alice").getAttribute("data-orkuid");
    }

    @Test
    public void t3_aRecordingPlaysInThePageForItsWholeLength() throws Exception {
        WebElement alice = row("alice");
        WebElement audio = alice.findElement(By.tagName("audio"));
        String src = audio.getAttribute("src");
        assertTrue(src, src.matches(".*/orkweb/stream/2023/11/14/22/20231114_2218\\d\\d_\\w+\\.wav"));
        Object started = ((JavascriptExecutor) browser).executeAsyncScript(
                "const a = arguments[0], done = arguments[arguments.length - 1]; a.muted = true;"
                        + " a.play().then(() => done('playing'), e => done('refused: ' + e));", audio);
        assertEquals("playing", started);
        await("the audio advances", () -> number(audio, "currentTime") > 1.0);
        double duration = number(audio, "duration");
        assertEquals("the file is the call: " + alice.getText(), seconds(alice.findElement(By.className("duration")).getText()),
                duration, 0.5);
        Object seeked = ((JavascriptExecutor) browser).executeAsyncScript(
                "const a = arguments[0], done = arguments[arguments.length - 1];"
                        + " a.addEventListener('seeked', () => done(a.currentTime), {once: true}); a.currentTime = 5;", audio);
        assertEquals("seeking needs byte ranges", 5.0, ((Number) seeked).doubleValue(), 0.3);
        String download = alice.findElement(By.className("download")).getAttribute("href");
        assertEquals(200, fetchStatus(download));
    }

    @Test
    public void t3b_aMuLawRecordingIsConvertedForTheBrowser() throws Exception {
        karaf.edit("org.oreka.audio.cfg", "StorageAudioFormat", "ulaw");
        await("the recorder stores mu-law", () -> shell("config:property-get --pid org.oreka.audio StorageAudioFormat", "")
                .contains("ulaw"));
        Path capture = Path.of(System.getProperty("oreka.testdata", "../testdata"), "pcap", "ws-sip-rtp-g711.pcap").toAbsolutePath();
        // The recorder applies the new format a moment after Config Admin has it: replay until a recording is mu-law.
        String[] orkuid = new String[1];
        byte[][] stored = new byte[1][];
        await("a recording stored as G.711 mu-law WAV (format 7)", () -> {
            java.util.regex.Matcher made = java.util.regex.Pattern.compile("\\d{8}_\\d{6}_\\w{4}")
                    .matcher(shell("oreka:replay " + capture, ""));
            if (!made.find()) {
                return false;
            }
            orkuid[0] = made.group();
            try (Stream<Path> files = Files.walk(karaf.home.resolve("data/audio"))) {
                Path file = files.filter(f -> f.getFileName().toString().equals(orkuid[0] + ".wav")).findFirst().orElseThrow();
                stored[0] = Files.readAllBytes(file);
            }
            return stored[0][20] == 7;
        });
        browser.get(page("/recordings?from=2000-01-01T00:00&orkuid=" + orkuid[0]));
        await("the mu-law recording reported", () -> {
            browser.navigate().refresh();
            return rows().size() == 1;
        });
        WebElement audio = rows().get(0).findElement(By.tagName("audio"));
        Object head = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.headers.get('Content-Type') + ' '"
                + " + new DataView(b).getUint16(20, true) + ' ' + b.byteLength)));", audio.getAttribute("src"));
        String[] served = head.toString().split(" ");
        assertEquals("audio/wav", served[0]);
        assertEquals("served as 16-bit PCM (format 1)", "1", served[1]);
        assertEquals("twice the bytes of 8-bit mu-law", 2.0 * (stored[0].length - 58), Double.parseDouble(served[2]) - 44,
                stored[0].length * 0.02);
        Object started = ((JavascriptExecutor) browser).executeAsyncScript(
                "const a = arguments[0], done = arguments[arguments.length - 1]; a.muted = true;"
                        + " a.play().then(() => done('playing'), e => done('refused: ' + e));", audio);
        assertEquals("playing", started);
        await("the converted audio advances", () -> number(audio, "currentTime") > 0.5);
    }

    @Test
    public void t4_filtersSortingAndPagingWork() throws Exception {
        String range = "/recordings?from=2023-11-14T22:00&to=2023-11-14T23:00";
        browser.get(page(range + "&local=car"));
        assertEquals(List.of("carol>dave Out"), parties());
        browser.get(page(range + "&remote=fr"));
        assertEquals(List.of("erin>frank Out"), parties());
        browser.get(page(range + "&min=4&max=5"));
        assertEquals(List.of("carol>dave Out"), parties());
        browser.get(page(range + "&direction=in"));
        assertEquals("No recordings", text("#count"));
        browser.get(page(range + "&user=" + carolId));
        assertEquals(List.of("carol>dave Out"), parties());
        browser.get(page(range + "&min=abc"));
        assertTrue(text("ul.error").contains("Minimum duration must be a whole number"));

        browser.get(page(range));
        browser.findElement(By.id("local")).sendKeys("e");
        clickAndWait(browser.findElement(By.id("searchbutton")));
        assertEquals("the search form", List.of("erin>frank Out"), parties());

        browser.get(page(range));
        clickAndWait(browser.findElement(By.id("sort-duration")));
        assertEquals("longest first", List.of("alice>bob Out", "carol>dave Out", "erin>frank Out"), parties());
        clickAndWait(browser.findElement(By.id("sort-duration")));
        assertEquals("shortest first", List.of("erin>frank Out", "carol>dave Out", "alice>bob Out"), parties());
        clickAndWait(browser.findElement(By.id("sort-local")));
        assertEquals(List.of("erin>frank Out", "carol>dave Out", "alice>bob Out"), parties());
        clickAndWait(browser.findElement(By.id("sort-local")));
        assertEquals(List.of("alice>bob Out", "carol>dave Out", "erin>frank Out"), parties());

        browser.get(page(range + "&size=2"));
        assertEquals(List.of("erin>frank Out", "carol>dave Out"), parties());
        assertTrue(browser.findElements(By.id("previouspage")).isEmpty());
        clickAndWait(browser.findElement(By.id("nextpage")));
        assertEquals(List.of("alice>bob Out"), parties());
        assertTrue("the last page", browser.findElements(By.id("nextpage")).isEmpty());
        clickAndWait(browser.findElement(By.id("previouspage")));
        assertEquals(2, rows().size());
    }

    @Test
    public void t5_anOrdinaryUserSeesOnlyTheirOwnRecordings() throws Exception {
        String set = shell("oreka:web-password carol", CAROL_PASSWORD + "\n" + CAROL_PASSWORD + "\n");
        assertTrue(set, set.contains("can log in to OrkWeb"));
        browser.get(page("/recordings?from=2023-11-14T22:00&to=2023-11-14T23:00"));
        String aliceStream = row("alice").findElement(By.tagName("audio")).getAttribute("src");
        String carolStream = row("carol").findElement(By.tagName("audio")).getAttribute("src");
        logOut();
        browser.get(page("/recordings?from=2023-11-14T22:00&to=2023-11-14T23:00"));
        logIn("carol", CAROL_PASSWORD);
        assertEquals(List.of("carol>dave Out"), parties());
        assertFalse(browser.findElement(By.cssSelector("header.top")).getText().contains("administrator"));
        assertEquals(403, fetchStatus(aliceStream));
        assertEquals(200, fetchStatus(carolStream));
        browser.get(page("/segment?orkuid=" + aliceOrkuid));
        assertTrue(text("#notfound").contains("No recording you may see"));
        browser.get(page("/admin/users"));
        assertTrue("administration paths are refused", browser.getPageSource().contains("403"));
    }

    @Test
    public void t6_aPostWithoutTheCsrfTokenIsRefusedAndTheAccountPageChangesThePassword() throws Exception {
        browser.get(page("/account"));
        Object status = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + " fetch('/orkweb/account', {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},"
                        + " body: 'oldpassword=" + CAROL_PASSWORD + "&newpassword=hijacked-1&newpassword2=hijacked-1'})"
                        + ".then(r => done(r.status));");
        assertEquals(403L, status);
        browser.findElement(By.id("oldpassword")).sendKeys(CAROL_PASSWORD);
        browser.findElement(By.id("newpassword")).sendKeys("carol-secret-2");
        browser.findElement(By.id("newpassword2")).sendKeys("carol-secret-2");
        clickAndWait(browser.findElement(By.id("changepassword")));
        assertEquals("Your password was changed", text("p.done"));
        logOut();
        logIn("carol", "hijacked-1");
        assertEquals("Invalid login or password", text("p.error"));
    }

    @Test
    public void t7_theRemoteLoginUrlOpensTheFilteredSearchWithoutMenu() throws Exception {
        browser.get(page("/app?username=carol&password=carol-secret-2&startdate=20231114_220000&enddate=now&userid="
                + carolId + "&filterby=false&mainmenu=false"));
        assertTrue(browser.getCurrentUrl(), browser.getCurrentUrl().contains("/orkweb/recordings?"));
        assertFalse("the password does not stay in the address", browser.getCurrentUrl().contains("password"));
        assertEquals(List.of("carol>dave Out"), parties());
        assertTrue("mainmenu=false", browser.findElements(By.cssSelector("header.top")).isEmpty());
        assertTrue("filterby=false", browser.findElements(By.id("search")).isEmpty());
        browser.manage().deleteAllCookies();
        browser.get(page("/app?username=carol&password=wrong-password&startdate=20231114_220000"));
        assertEquals("Invalid login or password", text("p.error"));
        HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create(page("/app")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=carol&password=carol-secret-2&startdate=20231114_220000"
                        + "&enddate=20231115_000000&mainmenu=false")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("the remote login by POST", 302, posted.statusCode());
        String location = posted.headers().firstValue("Location").orElse("");
        assertTrue(location, location.contains("/orkweb/recordings?") && location.contains("from=2023-11-14T22%3A00")
                && location.contains("to=2023-11-15T00%3A00"));
        String cookie = posted.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie, cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
    }

    @Test
    public void t8_theSegmentDetailUrlFindsTheRecordingByTagAfterTheLogin() throws Exception {
        browser.manage().deleteAllCookies();
        String orkuid = aliceOrkuid;
        assertTrue(get(track("cmd=addtag&orkuid=" + orkuid + "&tagtype=Monitored&tagtext=test")).contains("success=true"));
        browser.get(page("/app?page=SegmentDetail&service=page&localparty=alice&tagtype=Monitored&tagtext=test"));
        assertTrue(browser.getCurrentUrl().contains("/orkweb/login"));
        logIn(ADMIN, ADMIN_PASSWORD);
        assertEquals("Recording " + orkuid, text("h1"));
        assertEquals("alice", text("#field-local"));
        assertEquals("bob", text("#field-remote"));
        assertEquals("Monitored", text("td.tagtype"));
        browser.findElement(By.id("tagtype")).sendKeys("Reviewed");
        browser.findElement(By.id("tagtext")).sendKeys("<b>ok</b>");
        clickAndWait(browser.findElement(By.id("addtag")));
        List<String> tags = browser.findElements(By.cssSelector("td.tagtext")).stream().map(WebElement::getText).toList();
        assertEquals("the text shown as typed, not as markup", List.of("test", "<b>ok</b>"), tags);
        assertTrue(get(track("cmd=ping")).contains("pong"));
    }

    @Test
    public void t9_liveMonitoringKeepsACallInTheDatabase() throws Exception {
        String recid = "20261129_050000_LIVE";
        long now = System.currentTimeMillis() / 1000;
        assertTrue(get(track("type=tape&recid=" + recid + "&stage=start&captureport=LIVE&timestamp=" + now
                + "&filename=2026%2F11%2F29%2F05%2F" + recid + "&localparty=5001&localentrypoint=&remoteparty=5145551234"
                + "&direction=in&duration=0&service=orkaudio-it&localip=10.0.0.5&remoteip=10.0.0.1&nativecallid=live%40pbx"
                + "&tags=&ondemand=false&side=both&live=true&hostname=localhost&")).contains("success=true"));
        browser.get(page("/app?page=LiveMonitoring&service=page&ondemand=true&localparty=5001"));
        assertTrue(browser.getCurrentUrl(), browser.getCurrentUrl().contains("/orkweb/live?"));
        WebElement call = browser.findElement(By.cssSelector("tr.livecall[data-orkuid='" + recid + "']"));
        assertEquals("5001", call.findElement(By.className("local")).getText());
        clickAndWait(call.findElement(By.cssSelector("button.keep")));
        assertEquals("Keep: recording " + recid, text("#flash"));
        clickAndWait(browser.findElement(By.cssSelector("tr.livecall[data-orkuid='" + recid + "'] button.pause")));
        assertTrue("relayed to the recorder, which does not have the call: " + text("#flash"),
                text("#flash").startsWith("Pause failed: "));
        assertTrue("the page refreshes its rows by itself", browser.findElement(By.id("livecalls")).getAttribute("data-refresh")
                .contains("fragment=rows"));
    }

    @Test
    public void tz_theDatabaseHoldsTheDecisionAndOnlyPasswordHashes() throws Exception {
        karaf.close();
        karaf = null;
        Path database;
        try (Stream<Path> found = Files.walk(work.resolve("karaf"))) {
            database = found.filter(p -> p.endsWith(Path.of("data", "derby", "oreka"))).findFirst().orElseThrow();
        }
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + database); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT liveDecision FROM orktape WHERE recid = '20261129_050000_LIVE'")) {
                assertTrue(r.next());
                assertEquals("the Keep click", "KEEP", r.getString(1));
            }
            try (ResultSet r = s.executeQuery("SELECT l.loginString, u.password, u.admin FROM orkuser u JOIN orkloginstring l"
                    + " ON l.user_id = u.id WHERE u.password IS NOT NULL ORDER BY l.loginString")) {
                assertTrue(r.next());
                assertEquals(ADMIN, r.getString(1));
                assertTrue(r.getString(2), r.getString(2).startsWith("pbkdf2-sha256$600000$"));
                assertFalse(r.getString(2).contains(ADMIN_PASSWORD));
                assertTrue(r.getBoolean(3));
                assertTrue(r.next());
                assertEquals("carol", r.getString(1));
                assertFalse(r.getString(2).contains("carol-secret"));
                assertFalse(r.getBoolean(3));
                assertFalse(r.next());
            }
        } finally {
            try {
                DriverManager.getConnection("jdbc:derby:" + database + ";shutdown=true").close();
            } catch (SQLException expected) {
                // Derby reports a database shut down as an exception
            }
        }
    }

    private static List<WebElement> rows() {
        return browser.findElements(By.cssSelector("tr.segment"));
    }

    private static WebElement row(String localParty) {
        return rows().stream().filter(r -> r.findElement(By.className("local")).getText().equals(localParty)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + localParty));
    }

    /** Each row as local>remote direction. */
    private static List<String> parties() {
        return rows().stream().map(r -> r.findElement(By.className("local")).getText() + ">"
                + r.findElement(By.className("remote")).getText() + " " + r.findElement(By.className("direction")).getText())
                .collect(Collectors.toList());
    }

    private static void logIn(String user, String password) {
        WebElement name = browser.findElement(By.id("username"));
        name.clear();
        name.sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        clickAndWait(browser.findElement(By.id("login")));
    }

    private static void logOut() {
        clickAndWait(browser.findElement(By.id("logout")));
        assertTrue(browser.getCurrentUrl().contains("/orkweb/login"));
    }

    /** Clicks what submits a form or follows a link, and waits for the page it leads to. */
    private static void clickAndWait(WebElement element) {
        element.click();
        HeadlessChromium.leftPage(browser, element);
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static double number(WebElement element, String property) {
        return ((Number) ((JavascriptExecutor) browser).executeScript("return arguments[0]." + property + ";", element)).doubleValue();
    }

    private static double seconds(String hms) {
        String[] parts = hms.split(":");
        return Integer.parseInt(parts[0]) * 3600 + Integer.parseInt(parts[1]) * 60 + Integer.parseInt(parts[2]);
    }

    /** The status of a GET from the page, with the browser's session. */
    private static int fetchStatus(String url) {
        Object status = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " fetch(arguments[0], {headers: {Range: 'bytes=0-99'}}).then(r => done(r.status === 206 ? 200 : r.status));", url);
        return ((Number) status).intValue();
    }

    private static String page(String path) {
        return "http://localhost:" + web + "/orkweb" + path;
    }

    private static String track(String query) {
        return "http://localhost:" + web + "/orktrack/command?" + query;
    }

    private static String get(String url) throws Exception {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException restarting) {
            return restarting.toString();
        }
    }

    /** Runs a Karaf shell command over SSH, with a standard input (a password typed twice). */
    private static String shell(String command, String input) throws Exception {
        return run(List.of("ssh", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
                "-o", "BatchMode=yes", "-i", work.resolve("key").toString(), "-p", Integer.toString(ssh), "admin@localhost", command),
                input);
    }

    private static String run(List<String> command, String input) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(command + " did not end", process.waitFor(120, TimeUnit.SECONDS));
        return output;
    }

    private static void await(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(300);
        }
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
