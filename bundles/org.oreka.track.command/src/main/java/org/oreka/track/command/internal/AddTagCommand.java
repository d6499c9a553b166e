package org.oreka.track.command.internal;

import java.util.ArrayList;
import java.util.List;

import org.oreka.protocol.Command;
import org.oreka.protocol.CommandRequest;
import org.oreka.protocol.CommandResponse;
import org.oreka.track.storage.TagEntry;
import org.oreka.track.storage.Tags;
import org.oreka.track.storage.TrackException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code cmd=addtag} in its three forms: on the recordings that have the tag {@code findtagtype:findtagtext} (and
 * future ones), on a recording by {@code orkuid}, or on a local party's live call; the tags come as repeated
 * {@code tagentry=Type:Text} and/or {@code tagtype}, {@code tagtext} (with {@code offsetmsec}, as recorders send
 * DTMF digits).
 */
@Component(service = Command.class, property = {Command.PROPERTY_ENDPOINT + "=" + Command.ENDPOINT_TRACKER, Command.PROPERTY_NAME + "=addtag"})
public class AddTagCommand extends TrackCommand {

    private final Tags tags;

    @Activate
    public AddTagCommand(@Reference Tags tags) {
        this.tags = tags;
    }

    @Override
    String responseClass() {
        return "tagresponse";
    }

    @Override
    CommandResponse run(CommandRequest request) {
        List<TagEntry> entries = new ArrayList<>();
        String type = Parameters.text(request, "tagtype");
        if (type != null) {
            entries.add(new TagEntry(type, request.get("tagtext", ""), Parameters.number(request, "offsetmsec")));
        }
        for (String entry : request.all("tagentry")) {
            if (!entry.isBlank()) {
                entries.add(TagEntry.parse(entry.trim()));
            }
        }
        if (entries.isEmpty()) {
            throw new TrackException(Parameters.MISSING, "no tag: give tagentry=Type:Text or tagtype and tagtext");
        }
        String findType = Parameters.text(request, "findtagtype");
        String orkuid = Parameters.text(request, "orkuid");
        String localParty = Parameters.text(request, "localparty");
        Tags.TagResult result;
        if (findType != null) {
            result = tags.tagLike(findType, request.get("findtagtext", ""), entries);
        } else if (orkuid != null) {
            result = tags.tagRecording(orkuid, entries);
        } else if (localParty != null) {
            result = tags.tagLocalParty(localParty, entries);
        } else {
            throw new TrackException(Parameters.MISSING, "say which recording: findtagtype and findtagtext, orkuid, or localparty");
        }
        return ok(result.pending() ? "also waiting for future recordings with that tag" : "")
                .with("orkuids", String.join(",", result.orkuids()));
    }
}
