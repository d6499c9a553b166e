package org.oreka.audio.commandprocessing.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

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
 * The {@code CommandProcessing} tape processor: runs {@code CommandProcessingCommand} on each recording, with
 * {@code [IN]} the recording and {@code [OUT]} a new file named after it with
 * {@code CommandProcessingOutputExtension}; when the command succeeds its output becomes the recording and the
 * input is deleted, as in Oreka. A command that fails, runs out of time or writes nothing leaves the recording as
 * it was, tagged {@code commandprocessing=failed}, and the tape flows on.
 */
@Component(service = TapeProcessor.class, configurationPid = "org.oreka.audio",
        property = TapeProcessor.PROPERTY_NAME + "=" + CommandProcessing.NAME)
public class CommandProcessing implements TapeProcessor {

    /** The name to list in {@code TapeProcessors}. */
    static final String NAME = "CommandProcessing";
    /** The tag set on a recording the command failed on. */
    static final String TAG = "commandprocessing";
    static final String FAILED = "failed";

    private static final Logger LOG = LoggerFactory.getLogger(CommandProcessing.class);
    private static final Pattern EXTENSION = Pattern.compile("(\\.[A-Za-z0-9_-]+)+");
    private static final String DEFAULT_EXTENSION = ".gsm.wav";

    @ObjectClassDefinition(name = "Oreka CommandProcessing")
    public @interface Config {
        @AttributeDefinition(description = "Command run on each recording, [IN] the recording and [OUT] the file to write, "
                + "for instance: ffmpeg -i [IN] -acodec libgsm_ms -ab 13000 [OUT]. Split into arguments, never run by a shell")
        String CommandProcessingCommand() default "";

        @AttributeDefinition(description = "Extension of the file [OUT] names, which also tells ffmpeg the format to write")
        String CommandProcessingOutputExtension() default DEFAULT_EXTENSION;

        @AttributeDefinition(description = "Seconds a command may run before it and its children are killed")
        int CommandProcessingTimeoutSec() default 300;
    }

    /** The configuration in effect; {@code problem} is set when the command cannot be used at all. */
    private record Settings(CommandTemplate command, String extension, Duration timeout, String problem) {
    }

    /** Problems already logged under the current configuration, so that each is logged once. */
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private volatile Settings settings;

    @Activate
    @Modified
    void configure(Config config) {
        reported.clear();
        String extension = config.CommandProcessingOutputExtension().strip();
        if (!EXTENSION.matcher(extension).matches()) {
            LOG.error("CommandProcessingOutputExtension '{}' is not a file extension such as .mp3; using {}", extension,
                    DEFAULT_EXTENSION);
            extension = DEFAULT_EXTENSION;
        }
        Duration timeout = Duration.ofSeconds(Math.max(1, config.CommandProcessingTimeoutSec()));
        try {
            settings = new Settings(CommandTemplate.parse(config.CommandProcessingCommand()), extension, timeout, null);
        } catch (IllegalArgumentException e) {
            String problem = "CommandProcessingCommand cannot be split into arguments: " + e.getMessage();
            LOG.error("{}; recordings pass unchanged, tagged {}={}", problem, TAG, FAILED);
            settings = new Settings(CommandTemplate.parse(""), extension, timeout, problem);
        }
    }

    @Override
    public Result process(Tape tape) {
        Settings s = settings;
        TapeDTO data = tape.data();
        if (s.problem() != null) {
            data.tags.put(TAG, FAILED);
            return Result.DONE;
        }
        if (s.command().isEmpty()) {
            once("empty", () -> LOG.warn("CommandProcessing is in TapeProcessors but CommandProcessingCommand is empty; "
                    + "recordings pass unchanged"));
            return Result.DONE;
        }
        Path input;
        try {
            input = tape.audioFile();
        } catch (IllegalArgumentException e) {
            LOG.error("CommandProcessing: tape {}: {}", data.orkuid, e.getMessage());
            return Result.GIVE_UP;
        }
        try {
            return s.command().writesOutput() ? convert(tape, input, s) : runOn(tape, input, s);
        } catch (IOException e) {
            LOG.warn("CommandProcessing: tape {} cannot be processed now, will retry: {}", data.orkuid, e.toString());
            return Result.RETRY_LATER;
        } catch (InterruptedException e) {
            // The chain is stopping: the tape stays at this step and is processed again at the next start.
            Thread.currentThread().interrupt();
            return Result.RETRY_LATER;
        }
    }

    /** Runs a command that writes [OUT]: its output replaces the recording. */
    private Result convert(Tape tape, Path input, Settings s) throws IOException, InterruptedException {
        TapeDTO data = tape.data();
        String folder = data.file.substring(0, data.file.lastIndexOf('/') + 1);
        String stem = stem(input.getFileName().toString(), s.extension());
        String outputName = folder + stem + s.extension();
        Path output = tape.resolve(outputName);
        Path partial = tape.resolve(folder + stem + ".part" + s.extension());
        if (!Files.exists(input)) {
            if (Files.exists(output)) {
                // Converted before a restart that came before the chain saved the new file name.
                data.file = outputName;
                data.tags.remove(TAG);
                return Result.DONE;
            }
            LOG.warn("CommandProcessing: tape {} has no file {}", data.orkuid, input);
            return Result.GIVE_UP;
        }
        Files.deleteIfExists(partial);
        boolean succeeded = execute(s, data, input, partial);
        if (succeeded && (!Files.isRegularFile(partial) || Files.size(partial) == 0)) {
            LOG.warn("CommandProcessing failed on tape {}: the command exited with code 0 but wrote no [OUT] file; "
                    + "{} is kept", data.orkuid, data.file);
            succeeded = false;
        }
        if (!succeeded) {
            Files.deleteIfExists(partial);
            data.tags.put(TAG, FAILED);
            return Result.DONE;
        }
        Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        if (!output.equals(input)) {
            Files.delete(input);
        }
        data.file = outputName;
        data.tags.remove(TAG);
        return Result.DONE;
    }

    /** Runs a command without [OUT] (a hook that reads the recording, or a command with no file at all). */
    private Result runOn(Tape tape, Path input, Settings s) throws IOException, InterruptedException {
        TapeDTO data = tape.data();
        if (!Files.exists(input)) {
            LOG.warn("CommandProcessing: tape {} has no file {}", data.orkuid, input);
            return Result.GIVE_UP;
        }
        if (execute(s, data, input, input)) {
            data.tags.remove(TAG);
        } else {
            data.tags.put(TAG, FAILED);
        }
        return Result.DONE;
    }

    /**
     * Runs the command with {@code [IN]} = {@code input} and {@code [OUT]} = {@code output}; logs a failure, with
     * the end of the command's output, and returns whether the command succeeded. A program that cannot be
     * started is logged once, not for every tape.
     */
    private boolean execute(Settings s, TapeDTO data, Path input, Path output) throws InterruptedException, IOException {
        CommandExecution.Outcome outcome;
        try {
            outcome = CommandExecution.run(s.command().arguments(input.toString(), output.toString()),
                    input.getParent(), s.timeout());
        } catch (CommandExecution.CannotStart e) {
            String program = s.command().program();
            once("start " + program, () -> LOG.error("CommandProcessing cannot run '{}' ({}); is it installed? "
                    + "Recordings stay as they are, tagged {}={}", program, e.getMessage(), TAG, FAILED));
            LOG.debug("CommandProcessing: '{}' cannot be run for tape {}", program, data.orkuid);
            return false;
        }
        if (outcome.succeeded()) {
            return true;
        }
        String what = outcome.timedOut()
                ? "the command ran longer than " + s.timeout().toSeconds() + " s and was killed"
                : "the command exited with code " + outcome.exitCode();
        if (outcome.outputTail().isEmpty()) {
            LOG.warn("CommandProcessing failed on tape {}: {}; {} is kept", data.orkuid, what, data.file);
        } else {
            LOG.warn("CommandProcessing failed on tape {}: {}; {} is kept. Its last output:\n{}", data.orkuid, what,
                    data.file, outcome.outputTail());
        }
        return false;
    }

    /**
     * The name of the recording without its extension: without {@code extension} when it already ends with it
     * (a second pass converts in place), else without its last extension.
     */
    private static String stem(String name, String extension) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(extension.toLowerCase(Locale.ROOT)) && name.length() > extension.length()) {
            return name.substring(0, name.length() - extension.length());
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private void once(String problem, Runnable log) {
        if (reported.add(problem)) {
            log.run();
        }
    }
}
