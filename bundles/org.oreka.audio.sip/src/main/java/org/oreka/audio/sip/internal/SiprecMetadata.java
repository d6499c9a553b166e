package org.oreka.audio.sip.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads SIPREC recording metadata (RFC 7865, {@code application/rs-metadata+xml}) to learn which participant
 * sends which stream label. The XML comes from the network, so the parser refuses DTDs and external entities.
 */
final class SiprecMetadata {

    private static final String NAMESPACE = "urn:ietf:params:xml:ns:recording:1";

    private static final DocumentBuilderFactory FACTORY = hardenedFactory();

    /**
     * A participant of the recorded call.
     *
     * @param aor its address of record (a URI), or an empty string
     * @param name its display name, or an empty string
     */
    record Participant(String aor, String name) {
    }

    private SiprecMetadata() {
    }

    /**
     * Maps each stream label to the participant that sends it. Both the RFC 7865 form
     * ({@code participantstreamassoc/send}, {@code nameID aor="..."}) and the older draft form ({@code send} and
     * {@code aor} inside {@code participant}) are read.
     *
     * @throws SAXException when the XML is malformed or uses a DTD
     * @throws IOException never for in-memory input, declared by the parser
     */
    static Map<String, Participant> sendersByLabel(String metadata) throws SAXException, IOException {
        Document document = builder().parse(new InputSource(
                new ByteArrayInputStream(metadata.getBytes(StandardCharsets.ISO_8859_1))));
        Map<String, Participant> participants = new HashMap<>();
        Map<String, String> labelsByStream = new HashMap<>();
        Map<String, List<String>> streamsByParticipant = new LinkedHashMap<>();
        for (Element element : children(document.getDocumentElement())) {
            switch (element.getLocalName()) {
                case "participant":
                    String participantId = id(element, "participant_id");
                    participants.put(participantId, participant(element));
                    streamsByParticipant.computeIfAbsent(participantId, k -> new ArrayList<>())
                            .addAll(texts(element, "send"));
                    break;
                case "stream":
                    labelsByStream.put(id(element, "stream_id"), text(element, "label"));
                    break;
                case "participantstreamassoc":
                    streamsByParticipant.computeIfAbsent(id(element, "participant_id"), k -> new ArrayList<>())
                            .addAll(texts(element, "send"));
                    break;
                default:
                    break;
            }
        }
        Map<String, Participant> senders = new HashMap<>();
        streamsByParticipant.forEach((participantId, streams) -> {
            Participant participant = participants.get(participantId);
            for (String stream : streams) {
                String label = labelsByStream.get(stream);
                if (participant != null && label != null && !label.isEmpty()) {
                    senders.put(label, participant);
                }
            }
        });
        return senders;
    }

    private static Participant participant(Element element) {
        for (Element nameId : children(element)) {
            if (nameId.getLocalName().equals("nameID")) {
                return new Participant(nameId.getAttribute("aor").trim(), text(nameId, "name"));
            }
        }
        return new Participant(text(element, "aor"), text(element, "name"));
    }

    /** The element's id attribute as RFC 7865 names it, or as the older drafts did ({@code id}). */
    private static String id(Element element, String attribute) {
        String id = element.getAttribute(attribute);
        return id.isEmpty() ? element.getAttribute("id") : id;
    }

    private static String text(Element parent, String childName) {
        List<String> texts = texts(parent, childName);
        return texts.isEmpty() ? "" : texts.get(0);
    }

    private static List<String> texts(Element parent, String childName) {
        List<String> texts = new ArrayList<>();
        for (Element child : children(parent)) {
            if (child.getLocalName().equals(childName)) {
                texts.add(child.getTextContent().trim());
            }
        }
        return texts;
    }

    /** The child elements in the recording namespace, or in none (some recorders omit it). */
    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element && node.getLocalName() != null
                    && (node.getNamespaceURI() == null || NAMESPACE.equals(node.getNamespaceURI()))) {
                elements.add((Element) node);
            }
        }
        return elements;
    }

    private static DocumentBuilder builder() throws SAXException {
        DocumentBuilder builder;
        synchronized (FACTORY) {
            try {
                builder = FACTORY.newDocumentBuilder();
            } catch (ParserConfigurationException e) {
                throw new SAXException(e);
            }
        }
        builder.setErrorHandler(new DefaultHandler());
        builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
        return builder;
    }

    /** The JDK's own parser, whatever other bundles provide, with every feature that reaches outside turned off. */
    private static DocumentBuilderFactory hardenedFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK XML parser lacks a hardening feature", e);
        }
        return factory;
    }
}
