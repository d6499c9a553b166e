package org.oreka.audio.session.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

import org.oreka.audio.chain.TapeChain;
import org.oreka.audio.session.ImportedTape;
import org.oreka.audio.session.TapeImport;
import org.oreka.sdk.tape.TapeDTO;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports recordings of other systems: copies the file (found only inside {@code ImportTapePath}) next to the
 * recorder's own, named by a new orkuid, and hands the tape to the chain.
 */
@Component(service = TapeImport.class, configurationPid = RecorderCore.PID)
public class TapeImporter implements TapeImport {

    private static final Logger LOG = LoggerFactory.getLogger(TapeImporter.class);

    @ObjectClassDefinition(name = "Oreka recording import")
    public @interface Config {
        @AttributeDefinition(description = "Folder importtape takes files from (and from nowhere else); empty means ${karaf.data}/import")
        String ImportTapePath() default "";
    }

    private final RecorderCore core;
    private final TapeChain chain;
    private volatile Path importRoot;

    @Activate
    public TapeImporter(@Reference RecorderCore core, @Reference TapeChain chain, Config config) {
        this.core = core;
        this.chain = chain;
        configure(config);
    }

    @Modified
    void configure(Config config) {
        importRoot = config.ImportTapePath().isBlank()
                ? Paths.get(System.getProperty("karaf.data", "data"), "import") : Paths.get(config.ImportTapePath());
    }

    @Override
    public TapeDTO importTape(ImportedTape imported) throws IOException {
        Path source = confined(imported.url());
        TrackerSettings settings = core.settings();
        long start = imported.start().toEpochMilli();
        OrkuidGenerator orkuids = core.orkuids();
        String trackingId = orkuids.nextTrackingId();
        TapeDTO tape = new TapeDTO();
        tape.orkuid = orkuids.orkuid(start, trackingId);
        tape.capturePort = trackingId;
        tape.startMillis = start;
        tape.durationMillis = imported.duration().toMillis();
        tape.mediaType = imported.mediaType();
        tape.direction = imported.direction();
        tape.localParty = imported.localParty();
        tape.remoteParty = imported.remoteParty();
        tape.nativeCallId = imported.nativeCallId();
        tape.hostname = settings.hostname();
        tape.service = settings.serviceName();
        tape.tags.put("imported", "true");
        tape.file = orkuids.folder(start) + "/" + tape.orkuid + extension(source);
        Path target = settings.audioRoot().resolve(tape.file);
        Files.createDirectories(target.getParent());
        Files.copy(source, target);
        try {
            chain.submit(tape);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(target);
            throw e;
        }
        LOG.info("Imported {} as {}", source, tape.orkuid);
        return tape;
    }

    /** The file a URL names, if it is a readable regular file inside the import folder. */
    private Path confined(String url) throws IOException {
        Path root = Files.createDirectories(importRoot).toRealPath();
        Path named;
        try {
            named = url.regionMatches(true, 0, "file:", 0, 5) ? Paths.get(URI.create(url)) : Paths.get(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("url is not a file path: " + url);
        }
        Path file = root.resolve(named).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no file " + url + " in the import folder " + root);
        }
        Path real = file.toRealPath();
        if (!real.startsWith(root) || !Files.isReadable(real)) {
            throw new IllegalArgumentException("no readable file " + url + " in the import folder " + root);
        }
        return real;
    }

    /** The file's extension in lower case ({@code .wav}), or none. */
    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && name.length() - dot <= 10 ? name.substring(dot).toLowerCase(Locale.ROOT) : "";
    }
}
