package org.oreka.audio.sip.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The decoder's configuration in the form it uses: an immutable snapshot, swapped as a whole when the
 * configuration changes.
 *
 * @param overTcp whether SIP over TCP is decoded
 * @param fullAddress whether parties are reported as {@code user@host} instead of the user part
 * @param extractedFields header names whose values become tags, without duplicates (case-insensitive)
 */
record SipSettings(boolean overTcp, boolean fullAddress, List<String> extractedFields) {

    SipSettings {
        extractedFields = List.copyOf(extractedFields);
    }

    static SipSettings from(SipDecoder.Config config) {
        List<String> fields = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of(config.SipExtractFields().split(",")));
        names.add(config.SipOnDemandFieldName());
        for (String name : names) {
            String trimmed = name.trim();
            if (!trimmed.isEmpty() && !seen.contains(trimmed.toLowerCase(Locale.ROOT))) {
                seen.add(trimmed.toLowerCase(Locale.ROOT));
                fields.add(trimmed);
            }
        }
        return new SipSettings(config.SipOverTcpSupport(), config.SipReportFullAddress(), fields);
    }
}
