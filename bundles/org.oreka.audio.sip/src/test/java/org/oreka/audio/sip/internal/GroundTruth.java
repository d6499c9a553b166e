package org.oreka.audio.sip.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What tshark found in each test capture, read from testdata/pcap/GROUNDTRUTH.txt. */
final class GroundTruth {

    /**
     * An INVITE dialog.
     *
     * @param invites INVITE packets with this Call-ID, duplicates and re-INVITEs included
     */
    record Dialog(String callId, String fromUser, String toUser, int invites) {
    }

    /** An RTP stream tshark found by following the signalling. */
    record RtpStream(String source, String destination) {
    }

    /**
     * One capture's section.
     *
     * @param methods SIP request counts by method
     */
    record Capture(String file, List<Dialog> dialogs, Map<String, Integer> methods, List<RtpStream> signalledRtp) {
    }

    private GroundTruth() {
    }

    static Path folder() {
        String testdata = System.getProperty("oreka.testdata");
        if (testdata == null) {
            throw new IllegalStateException("system property oreka.testdata is not set (the parent pom sets it)");
        }
        return Path.of(testdata, "pcap");
    }

    static Map<String, Capture> read() throws IOException {
        Map<String, Capture> captures = new LinkedHashMap<>();
        String file = null;
        List<Dialog> dialogs = new ArrayList<>();
        Map<String, Integer> methods = new LinkedHashMap<>();
        List<RtpStream> rtp = new ArrayList<>();
        String section = "";
        for (String line : Files.readAllLines(folder().resolve("GROUNDTRUTH.txt"), StandardCharsets.UTF_8)) {
            if (line.startsWith("### ")) {
                if (file != null) {
                    captures.put(file, new Capture(file, dialogs, methods, rtp));
                }
                file = line.substring(4).trim();
                dialogs = new ArrayList<>();
                methods = new LinkedHashMap<>();
                rtp = new ArrayList<>();
                section = "";
            } else if (line.startsWith("  SIP INVITE dialogs")) {
                section = "dialogs";
            } else if (line.startsWith("  RTP streams (heuristic_rtp=FALSE)")) {
                section = "rtp";
            } else if (line.startsWith("  SIP methods:")) {
                for (String count : line.substring("  SIP methods:".length()).trim().split("\\s+")) {
                    String[] pair = count.split("=");
                    if (pair.length == 2 && pair[1].matches("\\d+")) {
                        methods.put(pair[0], Integer.parseInt(pair[1]));
                    }
                }
                section = "";
            } else if (line.startsWith("    ") && section.equals("dialogs")) {
                String[] fields = line.trim().split("\\|");
                dialogs.add(new Dialog(fields[0].trim(), fields[1].trim(), fields[2].trim(),
                        Integer.parseInt(fields[3].trim())));
            } else if (line.startsWith("    ") && section.equals("rtp")) {
                String[] fields = line.trim().split("\\s+");
                rtp.add(new RtpStream(fields[2] + ":" + fields[3], fields[4] + ":" + fields[5]));
            } else if (!line.startsWith("    ")) {
                section = "";
            }
        }
        if (file != null) {
            captures.put(file, new Capture(file, dialogs, methods, rtp));
        }
        return captures;
    }
}
