package org.oreka.audio.filenaming.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
 * The {@code TapeFileNaming} tape processor: moves each recording to the folder {@code TapePathNaming} names and
 * renames it as {@code TapeFileNaming} says (Oreka's templates, see {@link NamingTemplate}), under the audio root,
 * keeping its extension. Files beside it that share its name up to a dot (a kept journal, a checksum) move with
 * it. An existing file is never overwritten: the name gets {@code -<orkuid>} appended, as in Oreka.
 */
@Component(service = TapeProcessor.class, configurationPid = "org.oreka.audio",
        property = TapeProcessor.PROPERTY_NAME + "=" + TapeFileNaming.NAME)
public class TapeFileNaming implements TapeProcessor {

    /** The name to list in {@code TapeProcessors}. */
    static final String NAME = "TapeFileNaming";

    private static final Logger LOG = LoggerFactory.getLogger(TapeFileNaming.class);

    @ObjectClassDefinition(name = "Oreka TapeFileNaming")
    public @interface Config {
        @AttributeDefinition(description = "Name of each recording file without extension, a comma-separated list of "
                + "text and [tokens], for instance [localparty],_,[remoteparty],_,[orkuid]; empty keeps the orkuid")
        String TapeFileNaming() default "";

        @AttributeDefinition(description = "Folder of each recording under AudioOutputPath, a comma-separated list of "
                + "text and [tokens] where / separates folders, for instance [year],/,[month],/,[localparty]; "
                + "empty keeps yyyy/MM/dd/HH")
        String TapePathNaming() default "";
    }

    private record Settings(NamingTemplate file, NamingTemplate path) {
    }

    /** Problems already logged under the current configuration, so that each is logged once. */
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private volatile Settings settings;

    @Activate
    @Modified
    void configure(Config config) {
        reported.clear();
        settings = new Settings(NamingTemplate.fileName(config.TapeFileNaming()), NamingTemplate.path(config.TapePathNaming()));
    }

    @Override
    public Result process(Tape tape) {
        Settings s = settings;
        TapeDTO data = tape.data();
        if (s.file().isEmpty() && s.path().isEmpty()) {
            once("empty", "TapeFileNaming is in TapeProcessors but TapeFileNaming and TapePathNaming are both empty; "
                    + "recordings keep their names");
            return Result.DONE;
        }
        int slash = data.file.lastIndexOf('/');
        String currentFolder = data.file.substring(0, slash + 1);
        String currentName = data.file.substring(slash + 1);
        int extensionStart = currentName.startsWith(data.orkuid + ".") ? data.orkuid.length() : currentName.lastIndexOf('.');
        String stem = extensionStart > 0 ? currentName.substring(0, extensionStart) : currentName;
        String extension = currentName.substring(stem.length());

        String renderedPath = s.path().render(data, ZoneId.systemDefault());
        String folder = s.path().isEmpty() ? currentFolder : folder(renderedPath);
        String identifier = s.file().isEmpty() ? stem : NamingTemplate.limit(s.file().render(data, ZoneId.systemDefault()));
        if (folder == null || identifier.equals(".") || identifier.equals("..")) {
            once("refused", "TapePathNaming '" + s.path() + "' and TapeFileNaming '" + s.file() + "' give '"
                    + renderedPath + "' and '" + identifier + "', which is not a place under AudioOutputPath; "
                    + "recordings keep their names");
            return Result.DONE;
        }
        try {
            Path source = tape.audioFile();
            if (!Files.exists(source)) {
                // Moved before a restart that came before the chain saved the new name.
                return adopt(tape, folder, List.of(identifier + "-" + data.orkuid, identifier), extension, source);
            }
            String chosen = move(tape, source, folder, identifier, extension);
            moveSidecars(tape, source, stem, folder + chosen);
            data.file = folder + chosen + extension;
            return Result.DONE;
        } catch (IllegalArgumentException e) {
            LOG.error("TapeFileNaming: tape {}: {}", data.orkuid, e.getMessage());
            return Result.GIVE_UP;
        } catch (IOException e) {
            LOG.warn("TapeFileNaming: tape {} cannot be renamed now, will retry: {}", data.orkuid, e.toString());
            return Result.RETRY_LATER;
        }
    }

    /**
     * The folder a path template rendered, relative, without empty parts and ending with {@code /}; null when it is
     * absolute or climbs up ({@code .} or {@code ..}).
     */
    private static String folder(String rendered) {
        if (rendered.startsWith("/")) {
            return null;
        }
        StringBuilder folder = new StringBuilder();
        for (String part : rendered.split("/")) {
            if (part.equals(".") || part.equals("..")) {
                return null;
            }
            if (!part.isEmpty()) {
                folder.append(NamingTemplate.limit(part)).append('/');
            }
        }
        return folder.toString();
    }

    /**
     * Moves the recording to {@code folder/identifier+extension}, or {@code identifier-<orkuid>}, {@code -2}, ...
     * when that exists; returns the identifier used.
     */
    private static String move(Tape tape, Path source, String folder, String identifier, String extension)
            throws IOException {
        String orkuid = tape.data().orkuid;
        for (int n = 0;; n++) {
            String candidate = n == 0 ? identifier : n == 1 ? identifier + "-" + orkuid : identifier + "-" + orkuid + "-" + n;
            Path target = tape.resolve(folder + candidate + extension);
            if (target.equals(source)) {
                return candidate;
            }
            Files.createDirectories(target.getParent());
            if (moveIfAbsent(source, target)) {
                return candidate;
            }
        }
    }

    /**
     * Moves {@code source} to {@code target} unless {@code target} exists (true: moved). A hard link makes the check
     * and the move one step, so two recordings given the same name at once cannot overwrite each other.
     */
    private static boolean moveIfAbsent(Path source, Path target) throws IOException {
        if (Files.exists(target) && Files.isSameFile(source, target)) {
            // Linked before a restart that came before the source was removed.
            Files.delete(source);
            return true;
        }
        try {
            Files.createLink(target, source);
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException | UnsupportedOperationException e) {
            // No hard links here (another file system, or none at all): a plain move, which refuses an existing target.
            try {
                Files.move(source, target);
                return true;
            } catch (FileAlreadyExistsException exists) {
                return false;
            }
        }
        Files.delete(source);
        return true;
    }

    /** Moves the files named {@code <stem>.<anything>} beside {@code source} to {@code <newBase>.<anything>}. */
    private static void moveSidecars(Tape tape, Path source, String stem, String newBase) throws IOException {
        List<Path> sidecars = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(source.getParent(), glob(stem) + ".*")) {
            files.forEach(sidecars::add);
        }
        for (Path sidecar : sidecars) {
            String rest = sidecar.getFileName().toString().substring(stem.length());
            Path target = tape.resolve(newBase + rest);
            if (!Files.isRegularFile(sidecar) || target.equals(sidecar)) {
                continue;
            }
            if (!moveIfAbsent(sidecar, target)) {
                LOG.warn("TapeFileNaming: tape {}: {} stays where it is, {} exists", tape.data().orkuid, sidecar, target);
            }
        }
    }

    /** Finds a recording whose file is gone under the first of {@code candidates} that exists. */
    private static Result adopt(Tape tape, String folder, List<String> candidates, String extension, Path source) {
        TapeDTO data = tape.data();
        for (String candidate : candidates) {
            if (Files.exists(tape.resolve(folder + candidate + extension))) {
                data.file = folder + candidate + extension;
                return Result.DONE;
            }
        }
        LOG.warn("TapeFileNaming: tape {} has no file {}", data.orkuid, source);
        return Result.GIVE_UP;
    }

    /** {@code text} with the characters a glob treats specially escaped. */
    private static String glob(String text) {
        return text.replaceAll("[\\\\*?\\[\\]{}]", "\\\\$0");
    }

    private void once(String problem, String message) {
        if (reported.add(problem)) {
            LOG.warn(message);
        }
    }
}
