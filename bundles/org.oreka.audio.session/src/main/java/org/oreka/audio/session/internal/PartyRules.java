package org.oreka.audio.session.internal;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;

import org.oreka.protocol.IpRange;
import org.oreka.sdk.call.CallEvent.CallOffered;
import org.oreka.sdk.call.Direction;
import org.oreka.sdk.call.Party;

/**
 * Decides local party, remote party and direction the way Oreka does (reference §2.7): from the PBX
 * addresses ({@code SipDirectionReferenceIpAddresses}), the local domains ({@code SipDomains}), the User-Agent
 * ({@code SipDirectionReferenceUserAgents}) and the Request-URI rule for signalled calls; from the LAN masks and
 * media gateways for RTP without signalling.
 */
final class PartyRules {

    private final List<IpRange> directionReferences;
    private final List<String> domains;
    private final List<String> userAgents;
    private final boolean requestUriAsLocalParty;
    private final LanMasks lan;
    private final List<IpRange> mediaGateways;

    PartyRules(String directionReferences, String domains, String userAgents, boolean requestUriAsLocalParty,
            String lanMasks, String mediaGateways) {
        this.directionReferences = IpRange.parseList(directionReferences);
        this.domains = csvLower(domains);
        this.userAgents = csvLower(userAgents);
        this.requestUriAsLocalParty = requestUriAsLocalParty;
        this.lan = new LanMasks(lanMasks);
        this.mediaGateways = IpRange.parseList(mediaGateways);
    }

    /** Parties of a signalled call, from its first offer. */
    CallParties signalled(CallOffered offer, String localIpHint) {
        InetAddress sender = offer.signallingSource() == null ? null : offer.signallingSource().getAddress();
        InetAddress receiver = offer.signallingDestination() == null ? null : offer.signallingDestination().getAddress();
        Party caller = offer.caller();
        Party callee = offer.callee();
        Direction direction = offer.direction();
        if (direction == Direction.UNKNOWN) {
            direction = sipDirection(offer, sender);
        }
        String localEntryPoint = offer.tags().getOrDefault("localentrypoint", "");
        Party local = direction == Direction.IN ? callee : caller;
        Party remote = direction == Direction.IN ? caller : callee;
        if (offer.direction() == Direction.UNKNOWN && requestUriAsLocalParty && offer.requestUri().isKnown()
                && !offer.requestUri().number().equals(callee.number())) {
            local = offer.requestUri();
            remote = caller;
            direction = Direction.IN;
            localEntryPoint = callee.number();
        }
        String localIp;
        String remoteIp;
        if (!localIpHint.isEmpty()) {
            localIp = localIpHint;
            remoteIp = text(direction == Direction.IN ? sender : receiver);
            if (remoteIp.equals(localIp)) {
                remoteIp = text(direction == Direction.IN ? receiver : sender);
            }
        } else {
            localIp = text(direction == Direction.IN ? receiver : sender);
            remoteIp = text(direction == Direction.IN ? sender : receiver);
        }
        return new CallParties(orIp(local.number(), localIp), orIp(remote.number(), remoteIp), localEntryPoint,
                direction, localIp, remoteIp);
    }

    private Direction sipDirection(CallOffered offer, InetAddress sender) {
        if (!directionReferences.isEmpty()) {
            return sender != null && IpRange.anyContains(directionReferences, sender) ? Direction.IN : Direction.OUT;
        }
        if (!domains.isEmpty()) {
            boolean fromLocal = domains.contains(offer.caller().domain().toLowerCase(Locale.ROOT));
            boolean toLocal = domains.contains(offer.callee().domain().toLowerCase(Locale.ROOT));
            if (fromLocal) {
                return Direction.OUT;
            }
            if (toLocal) {
                return Direction.IN;
            }
        }
        String agent = offer.userAgent().toLowerCase(Locale.ROOT);
        for (String reference : userAgents) {
            if (!agent.isEmpty() && agent.contains(reference)) {
                return Direction.IN;
            }
        }
        return Direction.OUT;
    }

    /** Parties of RTP without signalling, from the addresses of its first packet. */
    CallParties unsignalled(InetAddress source, InetAddress destination) {
        boolean sourceGateway = IpRange.anyContains(mediaGateways, source);
        boolean destinationGateway = IpRange.anyContains(mediaGateways, destination);
        boolean sourceLocal;
        if (sourceGateway && destinationGateway) {
            sourceLocal = false;
        } else if (sourceGateway) {
            sourceLocal = !lan.contains(destination);
        } else {
            sourceLocal = lan.contains(source);
        }
        InetAddress local = sourceLocal ? source : destination;
        InetAddress remote = sourceLocal ? destination : source;
        return new CallParties(text(local), text(remote), "", Direction.UNKNOWN, text(local), text(remote));
    }

    private static String orIp(String party, String ip) {
        return party.isEmpty() ? ip : party;
    }

    private static String text(InetAddress address) {
        return address == null ? "" : address.getHostAddress();
    }

    private static List<String> csvLower(String csv) {
        return java.util.Arrays.stream(csv.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).toList();
    }
}
