package org.oreka.audio.sip.internal.fake;

import java.lang.annotation.Annotation;

import org.oreka.audio.sip.internal.SipDecoder;

/** A SIP decoder configuration as Configuration Admin would hand it over. */
public final class FakeConfig implements SipDecoder.Config {

    private final boolean overTcp;
    private final boolean fullAddress;
    private final String extractFields;

    private FakeConfig(boolean overTcp, boolean fullAddress, String extractFields) {
        this.overTcp = overTcp;
        this.fullAddress = fullAddress;
        this.extractFields = extractFields;
    }

    /** The shipped defaults. */
    public static FakeConfig defaults() {
        return new FakeConfig(true, false, "");
    }

    public FakeConfig overTcp(boolean value) {
        return new FakeConfig(value, fullAddress, extractFields);
    }

    public FakeConfig fullAddress(boolean value) {
        return new FakeConfig(overTcp, value, extractFields);
    }

    public FakeConfig extractFields(String value) {
        return new FakeConfig(overTcp, fullAddress, value);
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return SipDecoder.Config.class;
    }

    @Override
    public boolean SipOverTcpSupport() {
        return overTcp;
    }

    @Override
    public boolean SipReportFullAddress() {
        return fullAddress;
    }

    @Override
    public String SipExtractFields() {
        return extractFields;
    }

    @Override
    public String SipOnDemandFieldName() {
        return "X-record";
    }
}
