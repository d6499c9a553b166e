package org.oreka.audio.session.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The session tracker's settings in {@code etc/org.oreka.audio.cfg}, with Oreka's config.xml names and defaults. */
@ObjectClassDefinition(name = "Oreka recorder", description = "OrkAudio session tracking (config.xml top level and VoIpPlugin keys)")
public @interface RecorderConfig {

    @AttributeDefinition(description = "Networks considered local, as Oreka's masks: an address is on the LAN when (address AND mask) == address")
    String LanMasks() default "192.168.255.255, 10.255.255.255, 172.31.255.255";

    @AttributeDefinition(description = "Media gateways (CIDR list); their side is never the local one")
    String MediaGateways() default "";

    @AttributeDefinition(description = "PBX/SBC addresses (CIDR list): an INVITE they send is an incoming call")
    String SipDirectionReferenceIpAddresses() default "";

    @AttributeDefinition(description = "Local SIP domains (CSV); From in them means outgoing, only To means incoming")
    String SipDomains() default "";

    @AttributeDefinition(description = "User-Agent substrings (CSV) whose INVITEs are incoming calls")
    String SipDirectionReferenceUserAgents() default "Asterisk";

    @AttributeDefinition(description = "When the Request-URI user differs from To, the Request-URI user is the local party of an incoming call")
    boolean SipRequestUriAsLocalParty() default true;

    @AttributeDefinition(description = "Seconds without RTP after which a session without signalling ends")
    int RtpSessionTimeoutSec() default 10;

    @AttributeDefinition(description = "Seconds without RTP after which a signalled session that had RTP ends")
    int RtpSessionWithSignallingTimeoutSec() default 10;

    @AttributeDefinition(description = "Seconds a signalled session may wait for its first RTP packet")
    int RtpSessionWithSignallingInitialTimeoutSec() default 300;

    @AttributeDefinition(description = "Seconds a session on hold may go without RTP")
    int RtpSessionOnHoldTimeOutSec() default 1800;

    @AttributeDefinition(description = "RTP packets a stream without signalling needs before it is recorded (they are all kept)")
    int RtpMinAmountOfPacketsBeforeStart() default 50;

    @AttributeDefinition(description = "Accept RTP on odd UDP ports")
    boolean RtpDetectOnOddPorts() default true;

    @AttributeDefinition(description = "Lowest UDP port (both ends) considered for RTP")
    int UdpMinPort() default 1024;

    @AttributeDefinition(description = "RTP payload types (CSV) to ignore")
    String RtpPayloadTypeBlockList() default "";

    @AttributeDefinition(description = "Reassemble fragmented IP datagrams")
    boolean IpFragmentsReassemble() default true;

    @AttributeDefinition(description = "Report RFC 2833/4733 DTMF events as dtmfdigit tags")
    boolean RtpReportDtmf() default true;

    @AttributeDefinition(description = "Only record calls once both directions have RTP")
    boolean DiscardUnidirectionalCalls() default false;

    @AttributeDefinition(description = "Keep every call's audio from its start; false is on-demand mode, where a call's audio is kept only after a record command")
    boolean LookBackRecording() default true;

    @AttributeDefinition(description = "In on-demand mode, follow RTP without signalling too (so it can be recorded on demand)")
    boolean TrackRawRtpSessionInNonLookBackMode() default false;

    @AttributeDefinition(description = "Recordings shorter than this many seconds are deleted and not processed")
    int TapeDurationMinimumSec() default 0;

    @AttributeDefinition(description = "Kilobytes of journal kept in memory before a write to disk")
    int CaptureFileBatchSizeKByte() default 64;

    @AttributeDefinition(description = "Name this recorder reports itself as; empty means orkaudio-<hostname>")
    String ServiceName() default "";

    @AttributeDefinition(description = "Map of party renames, one 'old,new' per line; empty means ${karaf.etc}/localpartymap.csv")
    String LocalPartyMapFile() default "";
}
