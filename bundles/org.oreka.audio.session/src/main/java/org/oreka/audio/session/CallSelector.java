package org.oreka.audio.session;

import java.util.Objects;

/**
 * Which live calls a recording-control command addresses, as the recorder's API names them: by the id of the
 * recording being made ({@code orkuid}), by a party of the call ({@code party}), or by the signalling's call id
 * ({@code nativecallid}). Values are compared without regard to case, as Oreka does.
 *
 * @param key how the calls are named
 * @param value the name; never blank
 */
public record CallSelector(Key key, String value) {

    /** How a command names the calls it addresses; {@link #parameter()} is the API's parameter name. */
    public enum Key {
        ORKUID("orkuid"), PARTY("party"), NATIVE_CALL_ID("nativecallid");

        private final String parameter;

        Key(String parameter) {
            this.parameter = parameter;
        }

        /** The name of the API parameter that carries this key. */
        public String parameter() {
            return parameter;
        }
    }

    public CallSelector {
        Objects.requireNonNull(key, "key");
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key.parameter() + " must not be blank");
        }
        value = value.strip();
    }

    /** Whether {@code candidate} names the same thing as this selector's value. */
    public boolean matches(String candidate) {
        return candidate != null && candidate.equalsIgnoreCase(value);
    }

    /** For messages: {@code party 5002}. */
    @Override
    public String toString() {
        return key.parameter() + " " + value;
    }
}
