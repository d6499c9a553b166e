package org.oreka.audio.net;

/**
 * Counters of one {@link PacketDecoder}. Every frame ends up in exactly one of {@code udp}, {@code tcp},
 * {@code notIp}, {@code malformed}, {@code truncated}, {@code unsupportedLinkType} and {@code fragments}, so they
 * add up to {@code frames}.
 *
 * @param frames frames decoded
 * @param udp UDP datagrams delivered (including reassembled ones)
 * @param tcp TCP segments delivered
 * @param notIp frames carrying something other than UDP or TCP over IP: other ethertypes (ARP, LLDP, ...), other
 *        IP protocols (ICMP, ESP, ...), tunnels of a kind not decoded
 * @param malformed frames whose headers contradict each other or their length
 * @param truncated frames the capture cut (snap length) before the end of their headers
 * @param unsupportedLinkType frames of a link type the decoder does not know
 * @param fragments frames holding an IP fragment that did not complete a datagram: stored for reassembly, or
 *        dropped because reassembly is off or the fragment contradicted its datagram
 * @param fragmentsPending fragments stored now, waiting for the rest of their datagram
 * @param datagramsReassembled datagrams rebuilt from fragments
 * @param fragmentsDropped fragments thrown away: expired, evicted when the reassembly table was full,
 *        contradictory, or not first while reassembly is off
 */
public record DecoderStatistics(long frames, long udp, long tcp, long notIp, long malformed, long truncated,
        long unsupportedLinkType, long fragments, long fragmentsPending, long datagramsReassembled,
        long fragmentsDropped) {
}
