package org.oreka.audio.reporting.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.oreka.protocol.Command;
import org.oreka.protocol.CommandRequest;
import org.oreka.protocol.CommandResponse;
import org.oreka.protocol.SingleLine;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code type=reporttape&fromdate=yyyyMMdd_HHmmss[&todate=yyyyMMdd_HHmmss]}: reads {@code messages.log} and its
 * rolled-over files and reports again every recording whose {@code stage=ready} message is there and that began in
 * that window (recorder time; {@code todate} defaults to now), once each, to every tracker — for an OrkTrack that
 * lost recordings (a restored database). OrkTrack takes a ready message it already has without a change.
 */
@Component(service = Command.class,
        property = {Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_RECORDER, Command.PROPERTY_NAME + "=reporttape"})
public class ReportTapeCommand implements Command {

    private static final Logger LOG = LoggerFactory.getLogger(ReportTapeCommand.class);
    private static final String RESPONSE = "reporttaperesponse";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");
    private static final String ENQUEUED = " enqueued: ";

    private final Consumer<Map<String, String>> reportAgain;
    private final Path logFolder;
    private final Clock clock;

    @Activate
    public ReportTapeCommand(@Reference Reporting reporting) {
        this(reporting::reportAgain, Paths.get(System.getProperty("karaf.log",
                Paths.get(System.getProperty("karaf.data", "data"), "log").toString())), Clock.systemDefaultZone());
    }

    ReportTapeCommand(Consumer<Map<String, String>> reportAgain, Path logFolder, Clock clock) {
        this.reportAgain = reportAgain;
        this.logFolder = logFolder;
        this.clock = clock;
    }

    @Override
    public CommandResponse execute(CommandRequest request) {
        String fromDate = request.get("fromdate").orElse("");
        if (fromDate.isBlank()) {
            return CommandResponse.failure(RESPONSE, "reporttape needs the parameter fromdate (yyyyMMdd_HHmmss)");
        }
        Instant from;
        Instant to;
        try {
            from = date(fromDate);
            to = request.get("todate").filter(t -> !t.isBlank() && !t.equalsIgnoreCase("now")).map(this::date)
                    .orElse(clock.instant());
        } catch (DateTimeParseException e) {
            return CommandResponse.failure(RESPONSE, "fromdate (and todate, if given) must be yyyyMMdd_HHmmss");
        }
        List<Path> files = logFiles();
        Map<String, Map<String, String>> ready = new LinkedHashMap<>();
        try {
            for (Path file : files) {
                readyMessages(file, from, to, ready);
            }
            ready.values().forEach(reportAgain);
        } catch (IOException e) {
            LOG.warn("reporttape: cannot read {}: {}", logFolder, e.toString());
            return CommandResponse.failure(RESPONSE, "cannot read the message logs: " + e.getMessage());
        } catch (UncheckedIOException e) {
            return CommandResponse.failure(RESPONSE, "cannot queue the messages: " + e.getCause().getMessage());
        }
        LOG.info("reporttape {} to {}: {} recordings reported again from {} files", from, to, ready.size(), files.size());
        return CommandResponse.success(RESPONSE, "Reported " + ready.size() + " recordings from " + files.size()
                + " message logs");
    }

    private Instant date(String text) {
        return LocalDateTime.parse(text.trim(), DATE).atZone(clock.getZone()).toInstant();
    }

    /** messages.log and its rolled-over files (messages.log.1, .2, ...), oldest first. */
    private List<Path> logFiles() {
        List<Path> files = new ArrayList<>();
        for (int i = 1; Files.isRegularFile(logFolder.resolve("messages.log." + i)); i++) {
            files.add(0, logFolder.resolve("messages.log." + i));
        }
        if (Files.isRegularFile(logFolder.resolve("messages.log"))) {
            files.add(logFolder.resolve("messages.log"));
        }
        return files;
    }

    /** Adds the ready tape messages of one log whose call began in [from, to), by recid (the last one kept). */
    private static void readyMessages(Path file, Instant from, Instant to, Map<String, Map<String, String>> ready)
            throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null;) {
                int at = line.indexOf(ENQUEUED);
                if (at < 0) {
                    continue;
                }
                Map<String, String> fields = SingleLine.parse(line.substring(at + ENQUEUED.length()));
                if (!"tape".equals(fields.get("type")) || !"ready".equals(fields.get("stage"))
                        || fields.getOrDefault("recid", "").isEmpty()) {
                    continue;
                }
                try {
                    Instant start = Instant.ofEpochSecond(Long.parseLong(fields.getOrDefault("timestamp", "")));
                    if (!start.isBefore(from) && start.isBefore(to)) {
                        ready.put(fields.get("recid"), fields);
                    }
                } catch (NumberFormatException e) {
                    // a line cut short, or not ours
                }
            }
        }
    }
}
