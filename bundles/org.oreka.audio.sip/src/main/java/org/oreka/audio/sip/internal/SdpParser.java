package org.oreka.audio.sip.internal;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.oreka.sdk.call.MediaMode;

/**
 * Reads the parts of an SDP body (RFC 4566) a recorder needs: per m= line its port, connection address, payload
 * types, direction and label.
 */
final class SdpParser {

    /** RFC 3551 static audio payload types, named as rtpmap lines would name them. */
    private static final Map<Integer, String> STATIC_AUDIO_TYPES = Map.ofEntries(
            Map.entry(0, "PCMU"),
            Map.entry(3, "GSM"),
            Map.entry(4, "G723"),
            Map.entry(5, "DVI4"),
            Map.entry(6, "DVI4"),
            Map.entry(7, "LPC"),
            Map.entry(8, "PCMA"),
            Map.entry(9, "G722"),
            Map.entry(10, "L16"),
            Map.entry(11, "L16"),
            Map.entry(12, "QCELP"),
            Map.entry(13, "CN"),
            Map.entry(14, "MPA"),
            Map.entry(15, "G728"),
            Map.entry(16, "DVI4"),
            Map.entry(17, "DVI4"),
            Map.entry(18, "G729"));

    private SdpParser() {
    }

    /** Parses an SDP body; lines it does not understand are skipped, so the result is never null. */
    static List<SdpMedia> parse(String sdp) {
        List<SdpMedia> media = new ArrayList<>();
        Section session = new Section(-1, "", 0, List.of());
        Section current = session;
        int lineStart = 0;
        while (lineStart < sdp.length()) {
            int lf = sdp.indexOf('\n', lineStart);
            int lineEnd = lf < 0 ? sdp.length() : lf;
            String line = sdp.substring(lineStart, lineEnd).trim();
            lineStart = lineEnd + 1;
            if (line.length() < 2 || line.charAt(1) != '=') {
                continue;
            }
            String value = line.substring(2).trim();
            switch (line.charAt(0)) {
                case 'm':
                    if (current != session) {
                        media.add(current.toMedia(session));
                    }
                    current = Section.fromMediaLine(media.size(), value);
                    break;
                case 'c':
                    current.connection(value);
                    break;
                case 'a':
                    current.attribute(value);
                    break;
                default:
                    break;
            }
        }
        if (current != session) {
            media.add(current.toMedia(session));
        }
        return media;
    }

    /** The session part or one media section, while its lines are read. */
    private static final class Section {
        private final int index;
        private final String type;
        private final int port;
        private final List<Integer> formats;
        private final Map<Integer, String> rtpmap = new HashMap<>();
        private boolean hasConnection;
        private InetAddress address;
        private MediaMode mode;
        private String label = "";

        Section(int index, String type, int port, List<Integer> formats) {
            this.index = index;
            this.type = type;
            this.port = port;
            this.formats = formats;
        }

        /** {@code <media> <port>[/<count>] <proto> <fmt> ...}; a broken line still takes its index, with port 0. */
        static Section fromMediaLine(int index, String value) {
            String[] tokens = value.split("\\s+");
            String type = tokens[0].toLowerCase(Locale.ROOT);
            int port = tokens.length > 1 ? number(tokens[1].split("/", 2)[0], 65535) : -1;
            List<Integer> formats = new ArrayList<>();
            for (int i = 3; i < tokens.length; i++) {
                int format = number(tokens[i], 127);
                if (format >= 0) {
                    formats.add(format);
                }
            }
            return new Section(index, type, Math.max(port, 0), formats);
        }

        /** {@code IN IP4 <addr>[/ttl[/count]]} or {@code IN IP6 <addr>}. */
        void connection(String value) {
            String[] tokens = value.split("\\s+");
            hasConnection = true;
            address = tokens.length >= 3 ? IpLiteral.parse(tokens[2].split("/", 2)[0]) : null;
        }

        void attribute(String value) {
            int colon = value.indexOf(':');
            String name = (colon < 0 ? value : value.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
            String argument = colon < 0 ? "" : value.substring(colon + 1).trim();
            switch (name) {
                case "sendrecv":
                    mode = MediaMode.SENDRECV;
                    break;
                case "sendonly":
                    mode = MediaMode.SENDONLY;
                    break;
                case "recvonly":
                    mode = MediaMode.RECVONLY;
                    break;
                case "inactive":
                    mode = MediaMode.INACTIVE;
                    break;
                case "label":
                    label = argument;
                    break;
                case "rtpmap":
                    rtpmap(argument);
                    break;
                default:
                    break;
            }
        }

        /**
         * {@code <pt> <encoding>/<clock>[/<channels>]}, kept whole: the clock rate places the packets on the
         * recording's timeline ({@code opus/48000/2}, {@code speex/16000}).
         */
        private void rtpmap(String argument) {
            String[] tokens = argument.split("\\s+", 2);
            int payloadType = number(tokens[0], 127);
            if (payloadType >= 0 && tokens.length == 2) {
                String encoding = tokens[1].trim();
                if (!encoding.isEmpty() && !encoding.startsWith("/")) {
                    rtpmap.put(payloadType, encoding);
                }
            }
        }

        SdpMedia toMedia(Section session) {
            InetAddress effectiveAddress = hasConnection ? address : session.address;
            MediaMode effectiveMode = mode != null ? mode : session.mode != null ? session.mode : MediaMode.SENDRECV;
            if (effectiveAddress != null && effectiveAddress.isAnyLocalAddress()) {
                effectiveMode = MediaMode.INACTIVE;
            }
            Map<Integer, String> payloadTypes = new LinkedHashMap<>();
            for (int format : formats) {
                String name = rtpmap.getOrDefault(format, type.equals("audio") ? STATIC_AUDIO_TYPES.get(format) : null);
                if (name != null) {
                    payloadTypes.put(format, name);
                }
            }
            return new SdpMedia(index, type, port, effectiveAddress, payloadTypes, effectiveMode, label);
        }

        /** A decimal number from 0 to {@code max}, or -1. */
        private static int number(String text, int max) {
            if (text.isEmpty() || text.length() > 5) {
                return -1;
            }
            int value = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                value = value * 10 + (c - '0');
            }
            return value <= max ? value : -1;
        }
    }
}
