package org.oreka.itests;

import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.CoreOptions.wrappedBundle;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.options.extra.VMOption;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Boots the assembled Oreka distribution for a test class, on free ports, and waits until its boot features
 * are installed; offers shell commands, service lookups and HTTP calls to the tests, which run inside Karaf.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public abstract class OrekaTestSupport {

    protected static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected FeaturesService featuresService;

    @Inject
    protected SessionFactory sessionFactory;

    @Inject
    protected ConfigurationAdmin configurationAdmin;

    /** Injected only once the boot features are in, so tests never see a half-started platform. */
    @Inject
    protected BootFinished bootFinished;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The tests' HTTP client. */
    protected HttpClient http() {
        return http;
    }

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        probe.setHeader(Constants.DYNAMICIMPORT_PACKAGE, "*");
        return probe;
    }

    @Configuration
    public Option[] config() {
        String karafVersion = System.getProperty("karaf.version");
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration()
                        .frameworkUrl(maven().groupId("org.oreka").artifactId("karaf-assembly").type("tar.gz").versionAsInProject())
                        .name("Oreka")
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole(),
                logLevel(LogLevel.INFO),
                systemTimeout(300_000),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", freePort()),
                editConfigurationFilePut("etc/org.oreka.audio.cfg", "HttpServerPort", freePort()),
                editConfigurationFilePut("etc/org.oreka.audio.cfg", "EventStreamingServerPort", freePort()),
                editConfigurationFilePut("etc/org.oreka.audio.cfg", "LiveStreamingServerPort", freePort()),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", freePort()),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", freePort()),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", freePort()),
                editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "updateSnapshots", "none"),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                        System.getProperty("org.ops4j.pax.url.mvn.localRepository", "")),
                systemProperty("oreka.testdata").value(System.getProperty("oreka.testdata", "")),
                // The test probe waits this long for Pax Exam's own services (its invoker factory, its injector) and
                // for the services it injects: 10 s (the default) ran out while the boot features were still
                // installing on a loaded machine (and a probe that gave up left the test client waiting for ever).
                systemProperty("pax.exam.service.timeout").value("180000"),
                systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT").value("180000"),
                systemProperty("org.ops4j.pax.exam.invoker.junit.internal.JUnitProbeInvokerFactory.DEFAULT_TIMEOUT")
                        .value("180000"),
                // Capture generator and WAV measurements for the tests (a plain jar, wrapped as a bundle).
                wrappedBundle(maven().groupId("org.oreka").artifactId("oreka-testing").versionAsInProject())));
        // The module options bin/karaf passes on Java 9 and later.
        for (String vmOption : new String[] {"--add-reads=java.xml=java.logging",
                "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karafVersion + ".jar",
                "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karafVersion + ".jar",
                "--add-opens", "java.base/java.security=ALL-UNNAMED",
                "--add-opens", "java.base/java.net=ALL-UNNAMED",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "--add-opens", "java.base/java.util=ALL-UNNAMED",
                "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
                "-classpath", "lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*"}) {
            options.add(new VMOption(vmOption));
        }
        options.addAll(List.of(extraOptions()));
        return options.toArray(new Option[0]);
    }

    /** Options a test class adds to the common ones. */
    protected Option[] extraOptions() {
        return new Option[0];
    }

    private static String freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Integer.toString(socket.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    /** A value of a configuration, as the running platform sees it. */
    protected String configValue(String pid, String key) throws IOException {
        Object value = configurationAdmin.getConfiguration(pid, null).getProperties().get(key);
        return value == null ? null : value.toString();
    }

    /** Changes one key of a configuration, keeping the others, as an administrator editing etc/ would. */
    protected void updateConfig(String pid, String key, String value) throws IOException {
        org.osgi.service.cm.Configuration config = configurationAdmin.getConfiguration(pid, null);
        java.util.Hashtable<String, Object> properties = new java.util.Hashtable<>();
        java.util.Dictionary<String, Object> current = config.getProperties();
        for (java.util.Enumeration<String> keys = current.keys(); keys.hasMoreElements();) {
            String k = keys.nextElement();
            properties.put(k, current.get(k));
        }
        properties.put(key, value);
        config.update(properties);
    }

    protected int webPort() throws IOException {
        return Integer.parseInt(configValue("org.ops4j.pax.web", "org.osgi.service.http.port"));
    }

    protected int recorderPort() throws IOException {
        return Integer.parseInt(configValue("org.oreka.audio", "HttpServerPort"));
    }

    protected int liveAudioPort() throws IOException {
        return Integer.parseInt(configValue("org.oreka.audio", "LiveStreamingServerPort"));
    }

    /** GETs a URL on this host, retrying while the port is not yet listening. */
    protected HttpResponse<String> get(String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (java.net.ConnectException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    /**
     * GETs a URL until it answers 200: right after boot a listener may be up before the command it serves has
     * registered (and answers 404 until then).
     */
    protected HttpResponse<String> getOk(String url) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            HttpResponse<String> response = get(url);
            if (response.statusCode() == 200 || System.nanoTime() > deadline) {
                return response;
            }
            Thread.sleep(200);
        }
    }

    /** Runs a Karaf shell command and returns what it printed. */
    protected String executeCommand(String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            Session session = sessionFactory.create(System.in, out, out);
            Object result = session.execute(command);
            if (result != null) {
                out.println(result);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Runs a shell command until its output contains {@code expected}; returns that output. */
    protected String awaitOutput(String command, String expected) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            String output;
            try {
                output = executeCommand(command);
            } catch (Exception e) {
                output = e.toString();
            }
            if (output.contains(expected)) {
                return output;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("'" + command + "' never printed '" + expected + "'; last output:\n" + output);
            }
            Thread.sleep(500);
        }
    }

    /** A capture of the shared test data. */
    protected static java.nio.file.Path testCapture(String name) {
        return java.nio.file.Path.of(System.getProperty("oreka.testdata"), "pcap", name);
    }

    /** Waits for a service, failing the test after {@link #TIMEOUT}. */
    protected <T> T service(Class<T> type, String filter) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            Collection<ServiceReference<T>> refs = bundleContext.getServiceReferences(type, filter);
            if (!refs.isEmpty()) {
                return bundleContext.getService(refs.iterator().next());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + type.getName() + " service " + (filter == null ? "" : filter));
            }
            Thread.sleep(100);
        }
    }

    protected <T> ServiceReference<T> reference(Class<T> type, String filter) throws InvalidSyntaxException {
        Collection<ServiceReference<T>> refs = bundleContext.getServiceReferences(type, filter);
        if (refs.isEmpty()) {
            throw new AssertionError("no " + type.getName() + " service " + (filter == null ? "" : filter));
        }
        return refs.iterator().next();
    }

    /** Waits until the condition holds, failing the test after {@link #TIMEOUT}. */
    protected static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }
}
