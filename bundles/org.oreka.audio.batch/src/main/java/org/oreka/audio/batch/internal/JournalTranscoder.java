package org.oreka.audio.batch.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.oreka.audio.journal.JournalReader;
import org.oreka.audio.journal.JournalRecord;
import org.oreka.sdk.codec.AudioCodec;
import org.oreka.sdk.codec.AudioDecoder;
import org.oreka.sdk.storage.AudioFileWriter;

/**
 * Turns a tape journal into audio: finds the payload formats it needs, decodes each side's packets with the
 * installed codecs, resamples to the output rate, and places them on the timeline through a {@link TapeMixer}.
 */
final class JournalTranscoder {

    /** Output sample rate of every recording, as Oreka writes them. */
    static final int OUTPUT_RATE = 8000;

    private final Function<PayloadFormat, AudioCodec> codecs;

    /** @param codecs the installed codec for a payload format, or null when none is */
    JournalTranscoder(Function<PayloadFormat, AudioCodec> codecs) {
        this.codecs = codecs;
    }

    /** What a journal needs and holds. */
    record Survey(Map<Integer, PayloadFormat> formats, Set<String> missingCodecs, Set<Integer> unknownPayloadTypes,
            long audioPackets) {
    }

    /** Reads a journal once to find the payload formats it uses and which of them no installed codec decodes. */
    Survey survey(Path journal) throws IOException {
        Map<Integer, String> rtpmap = new HashMap<>();
        Map<Integer, PayloadFormat> formats = new HashMap<>();
        Set<String> missing = new TreeSet<>();
        Set<Integer> unknown = new TreeSet<>();
        long audio = 0;
        try (JournalReader reader = new JournalReader(journal)) {
            for (JournalRecord r = reader.next(); r != null; r = reader.next()) {
                if (r.isMetadata()) {
                    readRtpmap(r.metadata(), rtpmap);
                    continue;
                }
                audio++;
                int pt = r.payloadType();
                if (!formats.containsKey(pt)) {
                    formats.put(pt, PayloadFormat.of(pt, rtpmap.get(pt)));
                }
            }
        }
        for (Map.Entry<Integer, PayloadFormat> entry : formats.entrySet()) {
            PayloadFormat format = entry.getValue();
            if (format.name().isEmpty()) {
                unknown.add(entry.getKey());
            } else if (codecs.apply(format) == null) {
                missing.add(format.name());
            }
        }
        return new Survey(formats, missing, unknown, audio);
    }

    /** What a transcoding produced. */
    record Outcome(long samples, long decodedPackets, long skippedPackets, long latePackets) {
    }

    /**
     * Decodes the journal into {@code writer}.
     *
     * @param channelOfSide the output channel (0 or 1) of side 1 and side 2, index 1 and 2
     */
    Outcome transcode(Path journal, Survey survey, AudioFileWriter writer, int outputChannels, int[] channelOfSide)
            throws IOException {
        TapeMixer mixer = new TapeMixer(writer, outputChannels);
        Map<Long, SideDecoder> decoders = new HashMap<>();
        SideTimeline[] timelines = new SideTimeline[3];
        short[] decoded = new short[8192];
        short[] resampled = new short[16384];
        long decodedPackets = 0;
        long skipped = 0;
        long origin = -1;
        try (JournalReader reader = new JournalReader(journal)) {
            for (JournalRecord r = reader.next(); r != null; r = reader.next()) {
                if (r.isMetadata() || r.side() < 1 || r.side() > 2) {
                    continue;
                }
                PayloadFormat format = survey.formats().get(r.payloadType());
                AudioCodec codec = format == null || format.name().isEmpty() ? null : codecs.apply(format);
                if (codec == null) {
                    skipped++;
                    continue;
                }
                if (origin < 0) {
                    origin = r.arrivalMicros();
                }
                if (timelines[r.side()] == null) {
                    timelines[r.side()] = new SideTimeline(OUTPUT_RATE, origin);
                }
                SideDecoder side = decoders.computeIfAbsent(((long) r.side() << 32) | r.payloadType(),
                        k -> new SideDecoder(codec.newDecoder(), new Resampler(codec.sampleRate(), OUTPUT_RATE)));
                int max = side.decoder.maxSamples(r.payloadLength());
                if (max > decoded.length) {
                    decoded = new short[max];
                }
                int count = side.decoder.decode(r.payloadArray(), r.payloadOffset(), r.payloadLength(), decoded, 0);
                if (count <= 0) {
                    continue;
                }
                if (side.resampler.maxOutput(count) > resampled.length) {
                    resampled = new short[side.resampler.maxOutput(count)];
                }
                int outCount = side.resampler.convert(decoded, count, resampled);
                long position = timelines[r.side()].position(r.ssrc(), r.rtpTimestamp(), format.clockRate(), r.arrivalMicros());
                mixer.put(channelOfSide[r.side()], position, resampled, outCount);
                decodedPackets++;
            }
        }
        mixer.finish();
        return new Outcome(mixer.length(), decodedPackets, skipped, mixer.latePackets());
    }

    private static void readRtpmap(String metadata, Map<Integer, String> rtpmap) {
        String[] parts = metadata.split(" ", 3);
        if (parts.length == 3 && parts[0].equals("rtpmap")) {
            try {
                rtpmap.put(Integer.parseInt(parts[1]), parts[2]);
            } catch (NumberFormatException e) {
                // A damaged metadata record only loses its mapping.
            }
        }
    }

    /** A side's decoder for one payload type, with its resampler. */
    private record SideDecoder(AudioDecoder decoder, Resampler resampler) {
    }
}
