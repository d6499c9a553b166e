package org.oreka.audio.skinny.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.oreka.sdk.call.CallEvent;
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
 * Decodes Cisco Skinny (SCCP) signalling between phones and the call manager into call events, one call per
 * phone and call reference; the end of each connection that is not on {@code SkinnyTcpPort} is the phone.
 */
@Component(service = SignallingDecoder.class, configurationPid = SkinnyDecoder.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {SignallingDecoder.PROPERTY_PROTOCOL + "=" + SkinnyDecoder.PROTOCOL,
            SignallingDecoder.PROPERTY_SHARED_MEDIA + ":Boolean=true"})
@Designate(ocd = SkinnyDecoder.Config.class)
public class SkinnyDecoder implements SignallingDecoder {

    static final String PID = "org.oreka.audio.skinny";
    static final String PROTOCOL = "Skinny";

    /** A phone not heard of for this long (capture time) is forgotten; phones send a keep-alive every 30 s. */
    private static final long ENDPOINT_IDLE_MICROS = 3_600_000_000L;
    /** How many phones are followed at once. */
    private static final int MAX_ENDPOINTS = 50_000;
    private static final long SWEEP_INTERVAL_MICROS = 60_000_000L;

    private static final Logger LOG = LoggerFactory.getLogger(SkinnyDecoder.class);

    @ObjectClassDefinition(name = "Oreka Skinny (SCCP) decoder",
            description = "Follows Cisco Skinny signalling to name the parties, direction and media of phone calls")
    public @interface Config {
        @AttributeDefinition(description = "TCP port the call manager listens on for Skinny")
        int SkinnyTcpPort() default SkinnySettings.DEFAULT_TCP_PORT;

        @AttributeDefinition(description = "Report the phone's display name as the local party instead of its number")
        boolean SkinnyNameAsLocalParty() default false;

        @AttributeDefinition(description = "Do not report hold and resume (CallState 8 and the connect that follows)")
        boolean SkinnyIgnoreHold() default false;
    }

    private final SccpStreamReassembler reassembler = new SccpStreamReassembler();
    private final Map<InetAddress, SkinnyEndpoint> endpoints = new ConcurrentHashMap<>();
    private final SkinnyStatistics statistics = new SkinnyStatistics();
    private final AtomicLong lastSweepMicros = new AtomicLong();
    private volatile SkinnySettings settings = SkinnySettings.DEFAULTS;

    @Activate
    void activate(Config config) {
        modified(config);
    }

    @Modified
    void modified(Config config) {
        int port = config.SkinnyTcpPort();
        if (port < 1 || port > 0xFFFF) {
            LOG.warn("SkinnyTcpPort {} is not a TCP port; using {}", port, SkinnySettings.DEFAULT_TCP_PORT);
            port = SkinnySettings.DEFAULT_TCP_PORT;
        }
        settings = new SkinnySettings(port, config.SkinnyNameAsLocalParty(), config.SkinnyIgnoreHold());
    }

    @Deactivate
    void deactivate() {
        LOG.info("Skinny decoder stopped: {}, {} bytes discarded in {} resynchronisations of TCP streams",
                statistics, reassembler.discardedBytes(), reassembler.resynchronisations());
    }

    @Override
    public boolean decode(Datagram datagram, CallEventSink sink) {
        SkinnySettings current = settings;
        if (datagram.transport() != Transport.TCP) {
            return false;
        }
        boolean fromPhone = datagram.destinationPort() == current.tcpPort();
        if (!fromPhone && datagram.sourcePort() != current.tcpPort()) {
            return false;
        }
        try {
            List<SccpFrame> frames = reassembler.accept(datagram);
            if (!frames.isEmpty()) {
                deliver(datagram, frames, fromPhone, current, sink);
            }
        } catch (RuntimeException e) {
            // The contract forbids throwing back into the capture thread; a failure here is a bug to report once
            // loudly, then count.
            if (statistics.failures.getAndIncrement() == 0) {
                LOG.warn("Skinny decoding failed; further failures are only counted", e);
            } else {
                LOG.debug("Skinny decoding failed", e);
            }
        }
        return true;
    }

    private void deliver(Datagram datagram, List<SccpFrame> frames, boolean fromPhone, SkinnySettings current,
            CallEventSink sink) {
        long now = datagram.timestampMicros();
        InetSocketAddress source = new InetSocketAddress(datagram.sourceAddress(), datagram.sourcePort());
        InetSocketAddress destination = new InetSocketAddress(datagram.destinationAddress(),
                datagram.destinationPort());
        InetSocketAddress phone = fromPhone ? source : destination;
        SkinnyEndpoint endpoint = endpointFor(phone.getAddress(), now);
        if (endpoint == null) {
            return;
        }
        endpoint.touch(now);
        SignallingContext context = new SignallingContext(now, source, fromPhone ? destination : source, phone,
                current);
        List<CallEvent> events = new ArrayList<>();
        for (SccpFrame frame : frames) {
            Optional<SccpMessage> message = SccpMessageParser.parse(frame);
            if (message.isPresent()) {
                endpoint.apply(message.get(), context, events);
            } else if (SccpMessageParser.understands(frame.messageId())) {
                statistics.malformedMessages.incrementAndGet();
            }
        }
        events.forEach(sink::accept);
    }

    private SkinnyEndpoint endpointFor(InetAddress phone, long now) {
        sweepIdleEndpoints(now);
        SkinnyEndpoint endpoint = endpoints.get(phone);
        if (endpoint != null || endpoints.size() >= MAX_ENDPOINTS) {
            return endpoint;
        }
        return endpoints.computeIfAbsent(phone, address -> new SkinnyEndpoint(address, statistics));
    }

    private void sweepIdleEndpoints(long now) {
        long last = lastSweepMicros.get();
        if (Math.abs(now - last) < SWEEP_INTERVAL_MICROS || !lastSweepMicros.compareAndSet(last, now)) {
            return;
        }
        endpoints.values().removeIf(endpoint -> now - endpoint.lastActivityMicros() > ENDPOINT_IDLE_MICROS);
    }

    /** What the decoder could not use so far. */
    SkinnyStatistics statistics() {
        return statistics;
    }
}
