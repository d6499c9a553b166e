package org.oreka.audio.session.internal;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.oreka.protocol.SingleLine;
import org.oreka.sdk.tape.TapeDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes Oreka's {@code tapelist.log}: one single-line record per finished tape to the logger {@code tapelist}
 * (the distribution routes it to {@code data/log/tapelist.log}), with Oreka's keys in Oreka's order.
 */
final class TapeListLog {

    private static final Logger TAPELIST = LoggerFactory.getLogger("tapelist");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss");

    void write(TapeDTO tape) {
        if (TAPELIST.isInfoEnabled()) {
            TAPELIST.info(line(tape, LocalDateTime.now()));
        }
    }

    /** The record of a tape; {@code date} is when the line is written, as in Oreka. */
    static String line(TapeDTO tape, LocalDateTime now) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("date", DATE.format(now));
        fields.put("duration", Long.toString(Math.round(tape.durationMillis / 1000.0)));
        fields.put("direction", tape.direction);
        fields.put("localside", tape.localSide);
        fields.put("audiokeepdirection", tape.side);
        fields.put("capturePort", tape.capturePort);
        fields.put("localParty", tape.localParty);
        fields.put("remoteParty", tape.remoteParty);
        fields.put("localEntryPoint", tape.localEntryPoint);
        fields.put("localIp", tape.localIp);
        fields.put("remoteIp", tape.remoteIp);
        fields.put("filename", tape.file);
        fields.put("nativeCallId", tape.nativeCallId);
        fields.put("ondemand", Boolean.toString(tape.onDemand));
        return SingleLine.format(fields) + " ";
    }
}
