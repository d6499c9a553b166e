package org.oreka.audio.directionselector.internal;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.oreka.sdk.tape.Tape;
import org.oreka.sdk.tape.TapeDTO;
import org.oreka.sdk.tape.TapeProcessor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code DirectionSelector} tape processor: sets the side a recording keeps (the tape's {@code side}, which
 * {@code BatchProcessing} applies) from the area code its remote party starts with, as listed in
 * {@code area-codes-recorded-side.csv}. It must come before {@code BatchProcessing} in {@code TapeProcessors}; a
 * recording whose side a record command chose keeps that side.
 */
@Component(service = TapeProcessor.class, configurationPid = "org.oreka.audio",
        property = TapeProcessor.PROPERTY_NAME + "=" + DirectionSelector.NAME)
public class DirectionSelector implements TapeProcessor {

    /** The name to list in {@code TapeProcessors}. */
    static final String NAME = "DirectionSelector";
    /** The file's name in Oreka, looked for in {@code ${karaf.etc}} unless configured. */
    static final String DEFAULT_FILE = "area-codes-recorded-side.csv";

    private static final Logger LOG = LoggerFactory.getLogger(DirectionSelector.class);

    @ObjectClassDefinition(name = "Oreka DirectionSelector")
    public @interface Config {
        @AttributeDefinition(description = "The area codes file, lines <prefix>:<side> with side both, local, remote or "
                + "none; empty means ${karaf.etc}/area-codes-recorded-side.csv, a relative path is under ${karaf.etc}")
        String AreaCodesRecordedSideFile() default "";
    }

    /** Problems already logged under the current configuration, so that each is logged once. */
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private volatile AreaCodeFile areaCodes;

    @Activate
    @Modified
    void configure(Config config) {
        Path etc = Paths.get(System.getProperty("karaf.etc", "etc"));
        String configured = config.AreaCodesRecordedSideFile().strip();
        Path file = etc.resolve(configured.isEmpty() ? DEFAULT_FILE : configured).toAbsolutePath().normalize();
        AreaCodeFile current = areaCodes;
        if (current == null || !current.path().equals(file)) {
            areaCodes = new AreaCodeFile(file);
        }
        reported.clear();
    }

    @Override
    public Result process(Tape tape) {
        TapeDTO data = tape.data();
        Optional<String> side = areaCodes.sideFor(data.remoteParty);
        if (side.isEmpty() || side.get().equals(data.side)) {
            return Result.DONE;
        }
        if (data.onDemand) {
            LOG.debug("DirectionSelector: tape {} keeps side {}, chosen by a record command", data.orkuid, data.side);
            return Result.DONE;
        }
        if (!data.file.endsWith(".mcf")) {
            if (reported.add("after batch")) {
                LOG.warn("DirectionSelector: the audio of tape {} is already written ({}), so its side cannot change; "
                        + "list DirectionSelector before BatchProcessing in TapeProcessors", data.orkuid, data.file);
            }
            return Result.DONE;
        }
        LOG.debug("DirectionSelector: tape {} with remote party {} keeps side {}", data.orkuid, data.remoteParty, side.get());
        data.side = side.get();
        return Result.DONE;
    }
}
