package org.oreka.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Before;
import org.ops4j.pax.exam.Option;
import org.oreka.audio.chain.TapeChain;
import org.oreka.audio.session.TapeListener;
import org.osgi.framework.ServiceRegistration;

/**
 * Boots the distribution with recordings written as stereo WAV by BatchProcessing alone, and hears the tapes the
 * recorder announces during each test.
 */
public abstract class RecordingTestSupport extends OrekaTestSupport {

    protected TapeChain chain;
    protected final TapeEvents events = new TapeEvents();
    private ServiceRegistration<TapeListener> listener;

    @Override
    protected Option[] extraOptions() {
        return new Option[] {
            editConfigurationFilePut("etc/org.oreka.audio.cfg", "TapeProcessors", "BatchProcessing"),
            editConfigurationFilePut("etc/org.oreka.audio.cfg", "StereoRecording", "true"),
        };
    }

    @Before
    public void recorderIsUp() throws Exception {
        chain = service(TapeChain.class, null);
        awaitOutput("oreka:chain", "BatchProcessing");
        listener = bundleContext.registerService(TapeListener.class, events, null);
    }

    @After
    public void unregister() {
        listener.unregister();
    }

    /** The WAV file of a recording. */
    protected Path wav(String orkuid) throws IOException {
        try (Stream<Path> files = Files.walk(chain.audioRoot())) {
            return files.filter(p -> p.getFileName().toString().equals(orkuid + ".wav")).findFirst()
                    .orElseThrow(() -> new AssertionError("no WAV for " + orkuid));
        }
    }
}
