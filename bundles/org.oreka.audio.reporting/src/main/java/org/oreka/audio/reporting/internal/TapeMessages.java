package org.oreka.audio.reporting.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.oreka.protocol.TapeTags;
import org.oreka.protocol.UrlForm;
import org.oreka.sdk.tape.TagDTO;
import org.oreka.sdk.tape.TapeDTO;

/**
 * The messages the recorder reports, as ordered field maps in Oreka's wire order: {@code type=tape} for each stage,
 * {@code type=addtag} for a tag added while a call runs, and the {@code type=init} handshake.
 */
final class TapeMessages {

    private TapeMessages() {
    }

    /** A tape message; {@code duration} is in seconds, 0 at {@code start}. */
    static Map<String, String> tape(TapeDTO t, String stage) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("type", "tape");
        m.put("recid", t.orkuid);
        m.put("stage", stage);
        m.put("captureport", nonNull(t.capturePort));
        m.put("timestamp", Long.toString(Math.floorDiv(t.startMillis, 1000)));
        m.put("filename", nonNull(t.file));
        m.put("localparty", nonNull(t.localParty));
        m.put("localentrypoint", nonNull(t.localEntryPoint));
        m.put("remoteparty", nonNull(t.remoteParty));
        m.put("direction", nonNull(t.direction));
        m.put("duration", stage.equals("start") ? "0" : Long.toString(Math.round(t.durationMillis / 1000.0)));
        m.put("service", nonNull(t.service));
        m.put("localip", nonNull(t.localIp));
        m.put("remoteip", nonNull(t.remoteIp));
        m.put("nativecallid", nonNull(t.nativeCallId));
        List<Map.Entry<String, String>> tags = new ArrayList<>(t.tags.entrySet());
        m.put("tags", TapeTags.encode(tags));
        m.put("ondemand", Boolean.toString(t.onDemand));
        m.put("side", nonNull(t.side));
        m.put("live", "true");
        m.put("hostname", nonNull(t.hostname));
        m.put("mediatype", t.mediaType == null || t.mediaType.isEmpty() ? "A" : t.mediaType);
        return m;
    }

    /** A tag on a running recording, with its offset in the call. */
    static Map<String, String> addTag(TagDTO tag) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("type", "addtag");
        m.put("orkuid", tag.orkuid);
        m.put("tagtype", nonNull(tag.type));
        m.put("tagtext", nonNull(tag.text));
        m.put("offsetmsec", Long.toString(tag.offsetMillis));
        return m;
    }

    /** The handshake a reporting connection starts with. */
    static Map<String, String> init(RecorderIdentity r) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("type", "init");
        m.put("name", r.serviceName());
        m.put("hostname", r.hostname());
        m.put("servicetype", "A");
        m.put("tcpport", Integer.toString(r.commandPort()));
        m.put("protocol", "http");
        m.put("fileserveport", Integer.toString(r.fileServePort()));
        m.put("contextpath", "/audio");
        m.put("servepath", "");
        m.put("absolutepath", r.audioRoot());
        m.put("streamingport", Integer.toString(r.streamingPort()));
        m.put("sshport", "22");
        return m;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    /** What the init handshake says about this recorder. */
    record RecorderIdentity(String serviceName, String hostname, int commandPort, int fileServePort, String audioRoot,
            int streamingPort) {
    }
}
