package org.oreka.track.command.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.oreka.protocol.Command;
import org.oreka.protocol.CommandRequest;
import org.oreka.protocol.CommandResponse;
import org.oreka.protocol.TapeTags;
import org.oreka.track.storage.Direction;
import org.oreka.track.storage.TagEntry;
import org.oreka.track.storage.TapeIngestion;
import org.oreka.track.storage.TapeMessage;
import org.oreka.track.storage.TapeReceipt;
import org.oreka.track.storage.TapeStage;
import org.oreka.track.storage.TrackException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code type=tape}: a recorder's report that a recording started, stopped, is ready, changed, went on hold or
 * resumed. Answers Oreka's {@code taperesponse}, with {@code deletetape=true} when no program keeps a ready
 * recording; the answer comes once the message is stored.
 */
@Component(service = Command.class, property = {Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_TRACKER, Command.PROPERTY_NAME + "=tape"})
public class TapeCommand extends TrackCommand {

    private static final long STORE_TIMEOUT_SECONDS = 30;
    private static final DateTimeFormatter ORKUID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    private final TapeIngestion ingestion;

    @Activate
    public TapeCommand(@Reference TapeIngestion ingestion) {
        this.ingestion = ingestion;
    }

    @Override
    String responseClass() {
        return "taperesponse";
    }

    @Override
    CommandResponse run(CommandRequest request) {
        TapeMessage message = parse(request);
        TapeReceipt receipt;
        try {
            receipt = ingestion.ingest(message).toCompletableFuture().get(STORE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new TrackException("ERROR_SAVING_TAPE", "the database did not store the message within "
                    + STORE_TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrackException("ERROR_SAVING_TAPE", "interrupted");
        } catch (java.util.concurrent.ExecutionException | CompletionException e) {
            if (e.getCause() instanceof TrackException refusal) {
                throw refusal;
            }
            throw new TrackException("ERROR_SAVING_TAPE", String.valueOf(e.getCause()));
        }
        CommandResponse response = receipt.success() ? ok(receipt.comment())
                : CommandResponse.failure(responseClass(), receipt.comment()).with("returncode", "ERROR_TAPE_REFUSED");
        return response.with("deletetape", Boolean.toString(receipt.deleteTape()));
    }

    static TapeMessage parse(CommandRequest request) {
        String stageText = Parameters.required(request, "stage");
        TapeStage stage = TapeStage.parse(stageText).orElseThrow(() -> new TrackException(Parameters.INVALID,
                "stage must be start, stop, ready, update, hold or resume, not '" + stageText + "'"));
        Instant timestamp = Parameters.time(request, "timestamp");
        if (timestamp == null) {
            throw new TrackException(Parameters.MISSING, "timestamp is missing");
        }
        String capturePort = Parameters.text(request, "captureport");
        String recid = Parameters.text(request, "recid");
        if (recid == null) {
            if (capturePort == null) {
                throw new TrackException(Parameters.MISSING, "recid (or captureport) is missing");
            }
            recid = ORKUID_TIME.format(timestamp.atZone(ZoneId.systemDefault())) + "_" + capturePort;
        }
        Long duration = Parameters.number(request, "duration");
        boolean screen = "S".equalsIgnoreCase(Parameters.text(request, "mediatype"));
        return new TapeMessage(recid, stage, capturePort, timestamp, duration == null ? 0 : duration,
                Parameters.text(request, "filename"), Parameters.text(request, "localparty"),
                Parameters.text(request, "localentrypoint"), Parameters.text(request, "remoteparty"),
                Direction.parse(Parameters.text(request, "direction")), Parameters.text(request, "service"),
                Parameters.text(request, "hostname"), Parameters.text(request, "localip"), Parameters.text(request, "remoteip"),
                Parameters.text(request, "nativecallid"), tags(Parameters.text(request, "tags")),
                Boolean.TRUE.equals(Parameters.bool(request, "ondemand")), Parameters.text(request, "side"),
                Parameters.text(request, "loginstring"), screen ? 'S' : 'A', Parameters.number(request, "filesize"),
                // a screen recording names the call it belongs to
                screen ? Parameters.text(request, "orkuid") : null);
    }

    /** The tags of Oreka's {@code tags} field. */
    static List<TagEntry> tags(String field) {
        return TapeTags.decode(field).stream().filter(t -> !t.getKey().isBlank())
                .map(t -> new TagEntry(t.getKey(), t.getValue(), null)).toList();
    }
}
