package org.oreka.audio.command.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Properties;

import org.oreka.protocol.Command;
import org.oreka.protocol.CommandRequest;
import org.oreka.protocol.CommandResponse;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code type=loadlicensefile}: reads {@code license.txt} from the configuration folder again, without a restart,
 * and answers with its holder and validity in Oreka's words. The file holds {@code company}, {@code validfrom} and
 * {@code validto} (dates, {@code yyyy-MM-dd}; valid from the start of the first day to the start of the last). This recorder needs no license to run; the command
 * keeps integrations that load one working and tells an administrator what the file says.
 */
@Component(service = Command.class,
        property = {Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_RECORDER, Command.PROPERTY_NAME + "=loadlicensefile"})
public class LoadLicenseFileCommand implements Command {

    private static final Logger LOG = LoggerFactory.getLogger(LoadLicenseFileCommand.class);
    private static final String RESPONSE = "loadlicensefileresponse";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss zzz", Locale.ENGLISH);

    private final Path file;
    private final Clock clock;

    public LoadLicenseFileCommand() {
        this(Paths.get(System.getProperty("karaf.etc", "etc"), "license.txt"), Clock.systemDefaultZone());
    }

    LoadLicenseFileCommand(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    @Override
    public CommandResponse execute(CommandRequest request) {
        Properties license = new Properties();
        String problem = null;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            license.load(in);
        } catch (NoSuchFileException e) {
            problem = "no license file " + file;
        } catch (IOException | IllegalArgumentException e) {
            problem = "cannot read " + file + ": " + e.getMessage();
        }
        ZoneId zone = clock.getZone();
        Instant from = Instant.EPOCH;
        Instant to = Instant.EPOCH;
        if (problem == null) {
            try {
                from = LocalDate.parse(license.getProperty("validfrom", "").trim()).atStartOfDay(zone).toInstant();
                to = LocalDate.parse(license.getProperty("validto", "").trim()).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException e) {
                problem = file + ": validfrom and validto must be dates (yyyy-MM-dd)";
            }
        }
        String company = problem == null ? license.getProperty("company", "").trim() : "";
        Instant now = clock.instant();
        boolean valid = problem == null && !company.isEmpty() && !now.isBefore(from) && now.isBefore(to);
        String info = "License info: company name:" + company + " valid:" + valid + " valid from:"
                + SHOWN.format(from.atZone(zone)) + " valid to:" + SHOWN.format(to.atZone(zone));
        if (problem != null) {
            LOG.warn("loadlicensefile: {}", problem);
        }
        return valid ? CommandResponse.success(RESPONSE, info) : CommandResponse.failure(RESPONSE, info);
    }
}
