package org.oreka.audio.session.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads an existing Oreka {@code config.xml} (the top-level keys and the plugin sections such as
 * {@code <VoIpPlugin>}) and sorts its keys into this platform's configuration PIDs.
 */
public final class OrekaConfigXml {

    /** The PID of each key this platform understands; keys are Oreka's names. */
    private static final Map<String, Set<String>> KEYS = Map.of(
            "org.oreka.audio", Set.of("AudioOutputPath", "TapeProcessors", "HttpServerPort", "StorageAudioFormat",
                    "StereoRecording", "DeleteNativeFile", "TapeDurationMinimumSec", "LanMasks", "MediaGateways",
                    "SipDirectionReferenceIpAddresses", "SipDomains", "SipDirectionReferenceUserAgents",
                    "SipRequestUriAsLocalParty", "RtpSessionTimeoutSec", "RtpSessionWithSignallingTimeoutSec",
                    "RtpSessionWithSignallingInitialTimeoutSec", "RtpSessionOnHoldTimeOutSec",
                    "RtpMinAmountOfPacketsBeforeStart", "RtpDetectOnOddPorts", "UdpMinPort", "RtpPayloadTypeBlockList",
                    "IpFragmentsReassemble", "RtpReportDtmf", "DiscardUnidirectionalCalls", "CaptureFileBatchSizeKByte",
                    "LookBackRecording", "TrackRawRtpSessionInNonLookBackMode",
                    "ServiceName", "TrackerHostname", "TrackerTcpPort", "TrackerTlsPort", "TrackerServicename",
                    "EnableReporting", "ClientRetryPeriodSec", "ClientTimeout", "ReportingQueueSize",
                    "EventStreamingServerPort", "CommandProcessingCommand", "TapeFileNaming", "TapePathNaming"),
            "org.oreka.audio.capture.live", Set.of("Devices", "PcapFilter", "PcapSocketBufferSize"),
            "org.oreka.audio.capture.file", Set.of("PcapFile", "PcapDirectory", "PcapFastReplay", "PcapRepeat"),
            "org.oreka.audio.sip", Set.of("SipOverTcpSupport", "SipReportFullAddress", "SipExtractFields"),
            "org.oreka.audio.skinny", Set.of("SkinnyTcpPort", "SkinnyNameAsLocalParty", "SkinnyIgnoreHold"));

    /** Oreka's old single-device key, renamed on import. */
    private static final Map<String, String> RENAMED = Map.of("Device", "Devices");

    private OrekaConfigXml() {
    }

    /** The keys of a config.xml sorted by PID, and the keys this platform does not use. */
    public record Import(Map<String, Map<String, String>> byPid, Map<String, String> ignored) {
    }

    /**
     * Parses a config.xml.
     *
     * @throws IOException when the file cannot be read or is not XML, with the parser's reason
     */
    public static Import read(Path file) throws IOException {
        Element root;
        try (InputStream in = Files.newInputStream(file)) {
            root = builder().parse(in).getDocumentElement();
        } catch (SAXException e) {
            throw new IOException(file + " is not a valid config.xml: " + e.getMessage(), e);
        }
        Map<String, String> flat = new LinkedHashMap<>();
        collect(root, flat);
        Map<String, Map<String, String>> byPid = new TreeMap<>();
        Map<String, String> ignored = new TreeMap<>();
        for (Map.Entry<String, String> entry : flat.entrySet()) {
            String key = RENAMED.getOrDefault(entry.getKey(), entry.getKey());
            String pid = pidOf(key);
            if (pid == null) {
                ignored.put(key, entry.getValue());
            } else {
                byPid.computeIfAbsent(pid, p -> new LinkedHashMap<>()).put(key, entry.getValue());
            }
        }
        return new Import(byPid, ignored);
    }

    private static String pidOf(String key) {
        for (Map.Entry<String, Set<String>> entry : KEYS.entrySet()) {
            if (entry.getValue().contains(key)) {
                return entry.getKey();
            }
        }
        return null;
    }

    /** Leaf elements anywhere below {@code element} become keys; plugin sections are flattened. */
    private static void collect(Element element, Map<String, String> into) {
        boolean leaf = true;
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                leaf = false;
                collect(childElement, into);
            }
        }
        if (leaf && element.getParentNode() instanceof Element) {
            into.put(element.getTagName(), element.getTextContent().strip());
        }
    }

    private static DocumentBuilder builder() throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IOException("no secure XML parser available", e);
        }
    }
}
