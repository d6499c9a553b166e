package org.oreka.sdk.codec;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The installed {@link AudioCodec} services by encoding name, the highest service ranking first: a component binds
 * every codec service into one (a multiple, dynamic reference) and finds the codec of a {@link PayloadFormat}.
 * Static payload types are named by RFC 3551 ({@link PayloadFormat#of}), so codecs are found by name alone.
 * Safe for concurrent use.
 */
public final class AudioCodecs {

    private record Ranked(AudioCodec codec, int ranking) {
    }

    private final Map<String, List<Ranked>> byName = new ConcurrentHashMap<>();

    /** Adds a codec service with its service properties ({@link AudioCodec#PROPERTY_NAME}, service.ranking). */
    public void bind(AudioCodec codec, Map<String, Object> properties) {
        Object name = properties.get(AudioCodec.PROPERTY_NAME);
        if (name == null) {
            return;
        }
        Object ranking = properties.get("service.ranking");
        List<Ranked> list = byName.computeIfAbsent(name.toString().toUpperCase(Locale.ROOT), k -> new CopyOnWriteArrayList<>());
        list.add(new Ranked(codec, ranking instanceof Integer r ? r : 0));
        list.sort((a, b) -> Integer.compare(b.ranking(), a.ranking()));
    }

    /** Removes a codec service. */
    public void unbind(AudioCodec codec) {
        byName.values().forEach(list -> list.removeIf(r -> r.codec() == codec));
    }

    /** The codec for a payload format, or null when none is installed. */
    public AudioCodec forFormat(PayloadFormat format) {
        for (Ranked ranked : byName.getOrDefault(format.name(), List.of())) {
            return ranked.codec();
        }
        return null;
    }

    /**
     * Frees what a stream's decoder holds (a native codec's state) now rather than when it is garbage: closes it
     * when it is {@link AutoCloseable}, ignoring a failure (the decoder's own cleaner frees it later). Null is
     * ignored.
     */
    public static void release(AudioDecoder decoder) {
        if (decoder instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // nothing depends on it: see above
            }
        }
    }
}
