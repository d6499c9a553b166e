package org.oreka.audio.sip.internal;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Map;

import org.oreka.sdk.call.CallEventSink;
import org.oreka.sdk.call.SignallingDecoder;
import org.oreka.sdk.net.Datagram;
import org.oreka.sdk.net.Transport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP signalling decoder: recognises SIP over UDP on any port and over TCP, and reports INVITEs, media
 * announcements, hang-ups, failures, transfers and INFO DTMF as call events.
 */
@Component(service = SignallingDecoder.class, configurationPid = SipDecoder.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = SignallingDecoder.PROPERTY_PROTOCOL + "=SIP")
@Designate(ocd = SipDecoder.Config.class)
public class SipDecoder implements SignallingDecoder {

    static final String PID = "org.oreka.audio.sip";

    /** Covers an offer and its answer, and re-INVITEs of a long SIPREC session that omit the metadata. */
    private static final long LABEL_MEMORY_MICROS = 3_600_000_000L;
    private static final int LABEL_MEMORY_CALLS = 8192;

    private static final Logger LOG = LoggerFactory.getLogger(SipDecoder.class);

    /** The decoder's settings, named as in Oreka's VoIpPlugin configuration where Oreka has them. */
    @ObjectClassDefinition(name = "Oreka SIP decoder", description = "Decodes SIP signalling into call events")
    public @interface Config {
        @AttributeDefinition(description = "Decode SIP carried over TCP as well as UDP")
        boolean SipOverTcpSupport() default true;

        @AttributeDefinition(description = "Report parties as user@host instead of the user part alone")
        boolean SipReportFullAddress() default false;

        @AttributeDefinition(description = "Comma-separated SIP header names whose values become tags of the call")
        String SipExtractFields() default "";

        @AttributeDefinition(description = "Header that drives on-demand recording; always extracted as a tag")
        String SipOnDemandFieldName() default "X-record";
    }

    private final SipStatistics statistics = new SipStatistics();
    private final StreamLabelMemory labels = new StreamLabelMemory(LABEL_MEMORY_CALLS, LABEL_MEMORY_MICROS);
    private final SipEventTranslator translator = new SipEventTranslator(labels, statistics);
    private final SipTcpReassembler reassembler = new SipTcpReassembler(statistics);
    private volatile SipSettings settings;

    @Activate
    void activate(Config config) {
        modified(config);
    }

    @Modified
    void modified(Config config) {
        settings = SipSettings.from(config);
        LOG.info("SIP decoder: over TCP {}, full addresses {}, extracted fields {}", settings.overTcp(),
                settings.fullAddress(), settings.extractedFields());
    }

    @Deactivate
    void deactivate() {
        LOG.info("SIP decoder stopped: {}", statistics());
    }

    @Override
    public boolean decode(Datagram datagram, CallEventSink sink) {
        SipSettings current = settings;
        try {
            if (datagram.transport() == Transport.TCP) {
                return current.overTcp() && reassembler.accept(datagram,
                        (bytes, from, to) -> message(bytes, from, to, datagram, current, sink));
            }
            return decodeUdp(datagram, current, sink);
        } catch (RuntimeException e) {
            internalError(e);
            return true;
        }
    }

    /**
     * What the decoder counted so far (messages and every kind of tolerated problem) and what it holds now (TCP
     * streams, their buffered bytes, calls whose stream labels it remembers).
     */
    Map<String, Long> statistics() {
        Map<String, Long> counters = statistics.snapshot();
        counters.put("tcpStreams", (long) reassembler.streamCount());
        counters.put("tcpBufferedBytes", reassembler.bufferedBytes());
        counters.put("labelledCalls", (long) labels.size());
        return counters;
    }

    private boolean decodeUdp(Datagram datagram, SipSettings current, CallEventSink sink) {
        ByteBuffer payload = datagram.payload();
        int start = SipFraming.skipLineBreaks(payload, payload.position(), payload.limit());
        if (SipFraming.startLineEnd(payload, start, payload.limit()) < 0) {
            return false;
        }
        byte[] bytes = new byte[payload.limit() - start];
        payload.get(start, bytes);
        message(bytes, 0, bytes.length, datagram, current, sink);
        return true;
    }

    /** Decodes one framed message; a failure here loses the message, never the stream it came in. */
    private void message(byte[] bytes, int from, int to, Datagram datagram, SipSettings current,
            CallEventSink sink) {
        try {
            SipMessage message = SipMessageParser.parse(bytes, from, to);
            if (message != null) {
                SipEnvelope envelope = new SipEnvelope(datagram.timestampMicros(),
                        new InetSocketAddress(datagram.sourceAddress(), datagram.sourcePort()),
                        new InetSocketAddress(datagram.destinationAddress(), datagram.destinationPort()));
                translator.translate(message, envelope, current, sink);
            }
        } catch (RuntimeException e) {
            internalError(e);
        }
    }

    private void internalError(RuntimeException e) {
        statistics.internalErrors.increment();
        if (statistics.internalErrors.sum() == 1) {
            LOG.warn("SIP decoder failed on a message; further failures are only counted", e);
        } else {
            LOG.debug("SIP decoder failed on a message", e);
        }
    }
}
