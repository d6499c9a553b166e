package org.oreka.audio.command.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.oreka.audio.session.ImportedTape;
import org.oreka.audio.session.TapeImport;
import org.oreka.protocol.Command;
import org.oreka.protocol.CommandRequest;
import org.oreka.protocol.CommandResponse;
import org.oreka.sdk.tape.TapeDTO;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code type=importtape&mediatype=A&url=/path/to/file&timestamp=<epoch s>&duration=<s>&direction=in|out
 * &localparty=&remoteparty=&nativecallid=}: imports a recording made by another system (the file must be in the
 * recorder's import folder); it then goes through the tape-processor chain as the recorder's own do.
 */
@Component(service = Command.class,
        property = {Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_RECORDER, Command.PROPERTY_NAME + "=importtape"})
public class ImportTapeCommand implements Command {

    private static final Logger LOG = LoggerFactory.getLogger(ImportTapeCommand.class);
    private static final String RESPONSE = "importtaperesponse";

    private final TapeImport tapeImport;

    @Activate
    public ImportTapeCommand(@Reference TapeImport tapeImport) {
        this.tapeImport = tapeImport;
    }

    @Override
    public CommandResponse execute(CommandRequest request) {
        try {
            String url = required(request, "url");
            long timestamp = number(required(request, "timestamp"), "timestamp");
            long duration = number(required(request, "duration"), "duration");
            String direction = request.get("direction").map(d -> d.trim().toLowerCase(Locale.ROOT)).orElse("");
            TapeDTO tape = tapeImport.importTape(new ImportedTape(url,
                    request.get("mediatype").map(m -> m.trim().toUpperCase(Locale.ROOT)).filter(m -> !m.isEmpty()).orElse("A"),
                    Instant.ofEpochSecond(timestamp), Duration.ofSeconds(duration), direction.isEmpty() ? "unkn" : direction,
                    text(request, "localparty"), text(request, "remoteparty"), text(request, "nativecallid")));
            return CommandResponse.success(RESPONSE, "Imported as orkuid:" + tape.orkuid);
        } catch (IllegalArgumentException e) {
            LOG.info("importtape refused: {}", e.getMessage());
            return CommandResponse.failure(RESPONSE, e.getMessage());
        } catch (IOException e) {
            LOG.warn("importtape failed: {}", e.toString());
            return CommandResponse.failure(RESPONSE, "cannot import: " + e.getMessage());
        }
    }

    private static String required(CommandRequest request, String name) {
        return request.get(name).map(String::trim).filter(v -> !v.isEmpty())
                .orElseThrow(() -> new IllegalArgumentException("importtape needs the parameter " + name));
    }

    private static long number(String value, String name) {
        try {
            long number = Long.parseLong(value);
            if (number < 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number of seconds, not '" + value + "'");
        }
    }

    private static String text(CommandRequest request, String name) {
        return request.get(name).map(String::trim).orElse("");
    }
}
