package org.oreka.audio.sip.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.oreka.audio.sip.internal.StreamLabelMemory.NamedStream;
import org.oreka.sdk.call.CallEvent;
import org.oreka.sdk.call.CallEventSink;
import org.oreka.sdk.call.Direction;
import org.oreka.sdk.call.MediaDescription;
import org.oreka.sdk.call.Party;
import org.xml.sax.SAXException;

/**
 * Turns parsed SIP messages into call events: what each message says about its call, with no opinion on local
 * party, direction or whether to record.
 */
final class SipEventTranslator {

    /** Final responses to INVITE that a new INVITE follows (authentication, glare), so the call goes on. */
    private static final Set<Integer> RETRIED_RESPONSES = Set.of(401, 407, 491);
    /** Requests whose provisional and success responses may carry an SDP offer or answer. */
    private static final Set<String> NEGOTIATING_REQUESTS = Set.of("INVITE", "PRACK", "UPDATE");

    private final StreamLabelMemory labels;
    private final SipStatistics statistics;

    SipEventTranslator(StreamLabelMemory labels, SipStatistics statistics) {
        this.labels = labels;
        this.statistics = statistics;
    }

    void translate(SipMessage message, SipEnvelope envelope, SipSettings settings, CallEventSink sink) {
        statistics.messages.increment();
        String callId = message.callId();
        if (callId.isEmpty()) {
            statistics.missingCallId.increment();
            return;
        }
        String declaredLength = message.headers().first("Content-Length");
        if (declaredLength != null && SipFraming.parseLength(declaredLength) < 0) {
            statistics.invalidContentLength.increment();
        }
        if (message.isRequest()) {
            request(message, callId, envelope, settings, sink);
        } else {
            response(message, callId, envelope, settings, sink);
        }
    }

    private void request(SipMessage message, String callId, SipEnvelope envelope, SipSettings settings,
            CallEventSink sink) {
        long time = envelope.timestampMicros();
        switch (message.method()) {
            case "INVITE":
                sink.accept(offer(message, callId, envelope, settings));
                break;
            case "ACK":
            case "PRACK":
            case "UPDATE":
                announceMedia(message, callId, envelope, settings, sink);
                break;
            case "BYE":
                sink.accept(new CallEvent.CallEnded(callId, time));
                break;
            case "CANCEL":
                sink.accept(new CallEvent.CallFailed(callId, time, 0, "CANCEL"));
                break;
            case "REFER":
                sink.accept(new CallEvent.CallTransferred(callId, time,
                        SipAddress.parse(message.headers().first("Refer-To")).toParty(settings.fullAddress()),
                        SipAddress.parse(message.headers().first("Referred-By")).toParty(settings.fullAddress())));
                break;
            case "INFO":
                info(message, callId, time, settings, sink);
                break;
            default:
                break;
        }
    }

    /** An INVITE or re-INVITE: the parties as the message names them; direction is the tracker's call. */
    private CallEvent.CallOffered offer(SipMessage message, String callId, SipEnvelope envelope,
            SipSettings settings) {
        SipHeaders headers = message.headers();
        boolean full = settings.fullAddress();
        return new CallEvent.CallOffered(callId, envelope.timestampMicros(),
                SipAddress.parse(headers.first("From")).toParty(full),
                SipAddress.parse(headers.first("To")).toParty(full),
                SipAddress.parseUri(message.requestUri()).toParty(full),
                Direction.UNKNOWN, envelope.source(), envelope.destination(),
                media(message, callId, envelope, settings).orElse(List.of()),
                headers.firstOrEmpty("User-Agent"), extractedFields(message, settings));
    }

    private void response(SipMessage message, String callId, SipEnvelope envelope, SipSettings settings,
            CallEventSink sink) {
        int status = message.statusCode();
        String answered = message.cseqMethod();
        if (status >= 100 && status < 300 && NEGOTIATING_REQUESTS.contains(answered)) {
            announceMedia(message, callId, envelope, settings, sink);
        } else if (status >= 300 && answered.equals("INVITE") && !RETRIED_RESPONSES.contains(status)) {
            sink.accept(new CallEvent.CallFailed(callId, envelope.timestampMicros(), status, message.reasonPhrase()));
        }
    }

    private void announceMedia(SipMessage message, String callId, SipEnvelope envelope, SipSettings settings,
            CallEventSink sink) {
        media(message, callId, envelope, settings).ifPresent(media -> sink.accept(
                new CallEvent.MediaAnnounced(callId, envelope.timestampMicros(), envelope.source(), media)));
    }

    /** Digits from DTMF bodies; extracted header fields (the on-demand header above all) as tags. */
    private void info(SipMessage message, String callId, long time, SipSettings settings, CallEventSink sink) {
        String mediaType = MultipartBody.mediaType(message.headers().firstOrEmpty("Content-Type"));
        if (InfoDtmf.isDtmf(mediaType)) {
            String digit = InfoDtmf.digit(mediaType, message.body());
            if (digit == null) {
                statistics.invalidDtmf.increment();
            } else {
                sink.accept(new CallEvent.DtmfSignalled(callId, time, digit));
            }
        }
        extractedFields(message, settings)
                .forEach((key, value) -> sink.accept(new CallEvent.CallTagged(callId, time, key, value)));
    }

    private static Map<String, String> extractedFields(SipMessage message, SipSettings settings) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String name : settings.extractedFields()) {
            String value = message.headers().first(name);
            if (value != null) {
                tags.put(name, value);
            }
        }
        return tags;
    }

    /**
     * The audio streams of the message's SDP, labelled and attributed from the SIPREC metadata or from an earlier
     * SDP of the call.
     *
     * @return empty when the message has no SDP
     */
    private Optional<List<MediaDescription>> media(SipMessage message, String callId,
            SipEnvelope envelope, SipSettings settings) {
        SipBody body = SipBody.of(message.headers().firstOrEmpty("Content-Type"), message.body());
        if (body.sdp() == null) {
            return Optional.empty();
        }
        List<SdpMedia> sections = SdpParser.parse(body.sdp());
        Map<String, Party> senders = senders(body.recordingMetadata(), settings);
        List<NamedStream> named = new ArrayList<>(sections.size());
        for (SdpMedia section : sections) {
            named.add(new NamedStream(section.label(), senders.getOrDefault(section.label(), Party.UNKNOWN)));
        }
        named = labels.complete(callId, named, envelope.timestampMicros());
        List<MediaDescription> media = new ArrayList<>();
        for (SdpMedia section : sections) {
            if (section.isAudio() && section.port() > 0) {
                InetAddress address = section.address();
                if (address == null) {
                    statistics.unresolvedMediaAddress.increment();
                    address = envelope.source().getAddress();
                }
                NamedStream stream = named.get(section.index());
                media.add(new MediaDescription(new InetSocketAddress(address, section.port()),
                        section.payloadTypes(), section.mode(), stream.label(), stream.sender()));
            }
        }
        return Optional.of(media);
    }

    private Map<String, Party> senders(String metadata, SipSettings settings) {
        Map<String, Party> senders = new LinkedHashMap<>();
        if (metadata == null) {
            return senders;
        }
        try {
            SiprecMetadata.sendersByLabel(metadata).forEach((label, participant) -> {
                SipAddress aor = SipAddress.parseUri(participant.aor());
                senders.put(label, new Party(aor.toParty(settings.fullAddress()).number(), participant.name()));
            });
        } catch (SAXException | IOException e) {
            statistics.invalidMetadata.increment();
        }
        return senders;
    }
}
