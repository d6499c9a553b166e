package org.oreka.audio.sip.internal;

/**
 * The parts of a SIP body that matter to a recorder: the SDP and the SIPREC recording metadata, found as the
 * whole body or inside (possibly nested) multipart bodies.
 *
 * @param sdp the session description, or null when there is none
 * @param recordingMetadata the {@code application/rs-metadata+xml} part, or null when there is none
 */
record SipBody(String sdp, String recordingMetadata) {

    /** Nested multiparts deeper than this do not occur in SIP; the bound keeps hostile bodies cheap. */
    private static final int MAX_NESTING = 3;

    /** Finds the SDP and metadata of a body whose Content-Type is {@code contentType} (possibly empty). */
    static SipBody of(String contentType, String body) {
        SipBody found = new SipBody(null, null);
        return found.collect(contentType, body, 0);
    }

    private SipBody collect(String contentType, String content, int depth) {
        String mediaType = MultipartBody.mediaType(contentType);
        switch (mediaType) {
            case "application/sdp":
                return sdp == null ? new SipBody(content, recordingMetadata) : this;
            case "application/rs-metadata+xml":
            case "application/rs-metadata":
                return recordingMetadata == null ? new SipBody(sdp, content) : this;
            case "":
                // Some user agents omit Content-Type on an SDP body; only an SDP starts with its version line.
                return sdp == null && content.stripLeading().startsWith("v=") ? new SipBody(content, recordingMetadata)
                        : this;
            default:
                if (!mediaType.startsWith("multipart/") || depth >= MAX_NESTING) {
                    return this;
                }
                SipBody found = this;
                for (MultipartBody.Part part : MultipartBody.parse(content, MultipartBody.boundary(contentType))) {
                    found = found.collect(part.contentType(), part.content(), depth + 1);
                }
                return found;
        }
    }
}
