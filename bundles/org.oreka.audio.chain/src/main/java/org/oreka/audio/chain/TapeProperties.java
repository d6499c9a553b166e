package org.oreka.audio.chain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.oreka.sdk.tape.TapeDTO;

/**
 * Converts a {@link TapeDTO} to and from {@link Properties}: the form in which the recorder saves tapes on disk
 * (chain state, recordings in progress). Tags are stored as {@code tag.<n>.key} / {@code tag.<n>.value}.
 */
public final class TapeProperties {

    private static final String TAG_PREFIX = "tag.";

    private TapeProperties() {
    }

    /** Writes every field of the tape into {@code out}. */
    public static void write(TapeDTO tape, Properties out) {
        out.setProperty("orkuid", tape.orkuid);
        out.setProperty("capturePort", nz(tape.capturePort));
        out.setProperty("startMillis", Long.toString(tape.startMillis));
        out.setProperty("durationMillis", Long.toString(tape.durationMillis));
        out.setProperty("localParty", nz(tape.localParty));
        out.setProperty("localEntryPoint", nz(tape.localEntryPoint));
        out.setProperty("remoteParty", nz(tape.remoteParty));
        out.setProperty("direction", nz(tape.direction));
        out.setProperty("localIp", nz(tape.localIp));
        out.setProperty("remoteIp", nz(tape.remoteIp));
        out.setProperty("nativeCallId", nz(tape.nativeCallId));
        out.setProperty("side", nz(tape.side));
        out.setProperty("localSide", nz(tape.localSide));
        out.setProperty("onDemand", Boolean.toString(tape.onDemand));
        out.setProperty("mediaType", nz(tape.mediaType));
        out.setProperty("hostname", nz(tape.hostname));
        out.setProperty("service", nz(tape.service));
        out.setProperty("file", nz(tape.file));
        int i = 0;
        for (Map.Entry<String, String> tag : tape.tags.entrySet()) {
            out.setProperty(TAG_PREFIX + i + ".key", tag.getKey());
            out.setProperty(TAG_PREFIX + i + ".value", nz(tag.getValue()));
            i++;
        }
    }

    /**
     * Reads a tape written by {@link #write(TapeDTO, Properties)}.
     *
     * @throws IllegalArgumentException when the orkuid is missing or a number is malformed
     */
    public static TapeDTO read(Properties in) {
        TapeDTO tape = new TapeDTO();
        tape.orkuid = required(in, "orkuid");
        tape.capturePort = in.getProperty("capturePort", "");
        tape.startMillis = Long.parseLong(in.getProperty("startMillis", "0"));
        tape.durationMillis = Long.parseLong(in.getProperty("durationMillis", "0"));
        tape.localParty = in.getProperty("localParty", "");
        tape.localEntryPoint = in.getProperty("localEntryPoint", "");
        tape.remoteParty = in.getProperty("remoteParty", "");
        tape.direction = in.getProperty("direction", "unkn");
        tape.localIp = in.getProperty("localIp", "");
        tape.remoteIp = in.getProperty("remoteIp", "");
        tape.nativeCallId = in.getProperty("nativeCallId", "");
        tape.side = in.getProperty("side", "both");
        tape.localSide = in.getProperty("localSide", "unknown");
        tape.onDemand = Boolean.parseBoolean(in.getProperty("onDemand", "false"));
        tape.mediaType = in.getProperty("mediaType", "A");
        tape.hostname = in.getProperty("hostname", "");
        tape.service = in.getProperty("service", "");
        tape.file = in.getProperty("file", "");
        tape.tags = new LinkedHashMap<>();
        for (int i = 0; in.getProperty(TAG_PREFIX + i + ".key") != null; i++) {
            tape.tags.put(in.getProperty(TAG_PREFIX + i + ".key"), in.getProperty(TAG_PREFIX + i + ".value", ""));
        }
        return tape;
    }

    /** A deep copy, so callers never share a tape the chain is working on. */
    public static TapeDTO copy(TapeDTO tape) {
        Properties p = new Properties();
        write(tape, p);
        return read(p);
    }

    /** The non-blank, trimmed items of a comma-separated list. */
    public static List<String> csv(String value) {
        List<String> items = new ArrayList<>();
        if (value != null) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
        }
        return items;
    }

    private static String required(Properties in, String key) {
        String value = in.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing " + key);
        }
        return value;
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
