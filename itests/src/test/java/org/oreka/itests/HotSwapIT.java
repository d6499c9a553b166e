package org.oreka.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Before;
import org.junit.Test;
import org.oreka.audio.chain.TapeChain;
import org.oreka.sdk.tape.TapeDTO;
import org.oreka.sdk.tape.TapeProcessor;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * A plugin bundle (the example Checksum tape processor) is stopped, updated and started while the recorder
 * runs: the chain keeps its tapes, picks the plugin up again, and is never restarted.
 */
public class HotSwapIT extends OrekaTestSupport {

    private TapeChain chain;

    @Before
    public void chainRunsChecksum() throws Exception {
        featuresService.installFeature("oreka-example-checksum");
        updateConfig("org.oreka.audio", "TapeProcessors", "Checksum");
        chain = service(TapeChain.class, null);
        await("the chain lists Checksum", () -> chain.processorNames().equals(java.util.List.of("Checksum")));
    }

    @Test
    public void updatingThePluginNeitherLosesTapesNorRestartsTheChain() throws Exception {
        long chainServiceId = chainServiceId();
        long chainComponentId = chainComponentId();
        Bundle plugin = pluginBundle();

        Path first = recording("20261128_101500_HSAA", "first call");
        chain.submit(tape("20261128_101500_HSAA", first));
        await("the plugin checksums the first tape", () -> Files.exists(checksumOf(first)));

        plugin.stop();
        assertTrue(!chain.isAvailable("Checksum"));
        Path second = recording("20261128_101600_HSAB", "second call");
        chain.submit(tape("20261128_101600_HSAB", second));
        await("the second tape waits for the missing plugin", () -> chain.pending().stream()
                .anyMatch(t -> t.tape().orkuid.equals("20261128_101600_HSAB") && t.state().equals("waiting")));

        plugin.update();
        plugin.start();
        await("the plugin takes up the waiting tape", () -> Files.exists(checksumOf(second)));
        await("the chain is empty", () -> chain.pending().isEmpty());

        String line = Files.readString(checksumOf(second), StandardCharsets.US_ASCII);
        assertTrue(line, line.matches("[0-9a-f]{64}  20261128_101600_HSAB\\.wav\\n"));
        assertEquals("the chain service was not re-registered", chainServiceId, chainServiceId());
        assertEquals("the chain component was not restarted", chainComponentId, chainComponentId());
        assertEquals(1, bundleContext.getServiceReferences(TapeProcessor.class, "(oreka.tapeprocessor.name=Checksum)").size());
    }

    private Bundle pluginBundle() {
        for (Bundle bundle : bundleContext.getBundles()) {
            if (bundle.getSymbolicName().equals("org.oreka.example.checksum")) {
                return bundle;
            }
        }
        throw new AssertionError("example plugin not installed");
    }

    private long chainServiceId() throws Exception {
        ServiceReference<TapeChain> ref = reference(TapeChain.class, null);
        return (Long) ref.getProperty("service.id");
    }

    private long chainComponentId() throws Exception {
        ServiceComponentRuntime scr = service(ServiceComponentRuntime.class, null);
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (description.name.equals("org.oreka.audio.chain.internal.TapeProcessorChain")) {
                for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                    return configuration.id;
                }
            }
        }
        throw new AssertionError("no TapeProcessorChain component");
    }

    private Path recording(String orkuid, String content) throws Exception {
        Path file = chain.audioRoot().resolve("2026/11/28/10/" + orkuid + ".wav");
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    private static Path checksumOf(Path recording) {
        return recording.resolveSibling(recording.getFileName() + ".sha256");
    }

    private TapeDTO tape(String orkuid, Path file) {
        TapeDTO tape = new TapeDTO();
        tape.orkuid = orkuid;
        tape.file = chain.audioRoot().relativize(file).toString();
        return tape;
    }
}
