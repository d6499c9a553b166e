package org.oreka.sdk.call;

import org.oreka.sdk.net.Datagram;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Turns the datagrams of one signalling protocol into {@link CallEvent}s.
 *
 * <p>Register implementations as OSGi services with {@link #PROPERTY_PROTOCOL}. The recorder offers every
 * datagram that is not RTP to each decoder in turn, in descending {@code service.ranking}, until one of them
 * claims it.
 *
 * <p>Threading: a decoder is called from one capture thread at a time per capture source, but several
 * sources may call it concurrently; keep per-stream state in concurrent structures.
 *
 * <p>Failures: malformed input is the normal case on a span port. A decoder never throws for bad content:
 * it returns {@code true} when the datagram was its protocol (even if unusable) and counts the problem.
 */
@ConsumerType
public interface SignallingDecoder {

    /** Service property: the protocol name, for instance {@code SIP} or {@code Skinny}. */
    String PROPERTY_PROTOCOL = "oreka.signalling.protocol";

    /**
     * Service property (Boolean, default false): the protocol reports each endpoint's leg of a conversation as its
     * own call (Skinny: one call per phone), so several calls may announce the same media addresses and each is
     * recorded with all of it. Without it, a call announcing an address takes it over from any other call.
     */
    String PROPERTY_SHARED_MEDIA = "oreka.signalling.sharedmedia";

    /**
     * Decodes one datagram.
     *
     * @param datagram valid only during this call
     * @param sink where the decoded events go, synchronously
     * @return whether the datagram belonged to this decoder's protocol
     */
    boolean decode(Datagram datagram, CallEventSink sink);
}
