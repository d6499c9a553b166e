package org.oreka.audio.batch.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.oreka.audio.journal.JournalFormat;
import org.oreka.audio.journal.JournalReader;
import org.oreka.audio.journal.JournalRecord;
import org.oreka.sdk.codec.AudioCodec;
import org.oreka.sdk.codec.AudioCodecs;
import org.oreka.sdk.codec.AudioDecoder;
import org.oreka.sdk.codec.PayloadFormat;
import org.oreka.sdk.codec.Resampler;
import org.oreka.sdk.storage.AudioFileWriter;

/**
 * Turns a tape journal into audio in one pass: learns the payload formats from its rtpmap records, decodes each
 * side's packets with the installed codecs, resamples to the output rate, and places them on the timeline
 * through a {@link TapeMixer}; reports the encodings no installed codec decodes.
 *
 * <p>A paused stretch (between {@code pause} and {@code resume} records) is left out, as Oreka's mixer leaves out
 * the gap a pause makes: the timeline of everything after it moves back by the stretch's length, both sides alike.
 */
final class JournalTranscoder {

    /** Output sample rate of every recording, as Oreka writes them. */
    static final int OUTPUT_RATE = 8000;

    private final Function<PayloadFormat, AudioCodec> codecs;

    /** @param codecs the installed codec for a payload format, or null when none is */
    JournalTranscoder(Function<PayloadFormat, AudioCodec> codecs) {
        this.codecs = codecs;
    }

    /**
     * What a transcoding produced.
     *
     * @param missingCodecs encodings the journal needs that no installed codec decodes; when not empty the output
     *        is incomplete and must be discarded
     * @param unknownPayloadTypes payload types the signalling never named, whose packets were skipped
     */
    record Outcome(long samples, long decodedPackets, long skippedPackets, long latePackets, Set<String> missingCodecs,
            Set<Integer> unknownPayloadTypes) {
    }

    /**
     * Decodes the journal into {@code writer} in one pass.
     *
     * @param channelOfSide the output channel (0 or 1) of side 1 and side 2, index 1 and 2; -1 leaves a side out
     */
    Outcome transcode(Path journal, AudioFileWriter writer, int outputChannels, int[] channelOfSide) throws IOException {
        TapeMixer mixer = new TapeMixer(writer, outputChannels);
        Map<Integer, String> rtpmap = new HashMap<>();
        PayloadFormat[] formats = new PayloadFormat[128];
        AudioCodec[] codecsByType = new AudioCodec[128];
        SideDecoder[][] decoders = new SideDecoder[3][128];
        SideTimeline[] timelines = new SideTimeline[3];
        Set<String> missing = new TreeSet<>();
        Set<Integer> unknown = new TreeSet<>();
        short[] decoded = new short[8192];
        short[] resampled = new short[16384];
        long decodedPackets = 0;
        long skipped = 0;
        long origin = -1;
        long pausedAt = -1;
        long pausedMicros = 0;
        try (JournalReader reader = new JournalReader(journal)) {
            for (JournalRecord r = reader.next(); r != null; r = reader.next()) {
                if (r.isMetadata()) {
                    String metadata = r.metadata();
                    // Only a pause after the first audio cuts: before it, nothing is on the timeline yet.
                    if (metadata.equals(JournalFormat.PAUSE) && origin >= 0 && pausedAt < 0) {
                        pausedAt = r.arrivalMicros();
                    } else if (metadata.equals(JournalFormat.RESUME) && pausedAt >= 0) {
                        pausedMicros += Math.max(0, r.arrivalMicros() - pausedAt);
                        pausedAt = -1;
                    }
                    Integer remapped = readRtpmap(metadata, rtpmap);
                    if (remapped != null && remapped >= 0 && remapped < 128) {
                        formats[remapped] = null; // a new mapping applies to the packets that follow
                        codecsByType[remapped] = null;
                        close(decoders[1][remapped]);
                        close(decoders[2][remapped]);
                        decoders[1][remapped] = null;
                        decoders[2][remapped] = null;
                    }
                    continue;
                }
                int side = r.side();
                int pt = r.payloadType();
                if (side < 1 || side > 2 || pt > 127 || channelOfSide[side] < 0) {
                    continue;
                }
                if (formats[pt] == null) {
                    formats[pt] = PayloadFormat.of(pt, rtpmap.get(pt));
                    codecsByType[pt] = formats[pt].name().isEmpty() ? null : codecs.apply(formats[pt]);
                    if (formats[pt].name().isEmpty()) {
                        unknown.add(pt);
                    } else if (codecsByType[pt] == null) {
                        missing.add(formats[pt].name());
                    }
                }
                AudioCodec codec = codecsByType[pt];
                if (codec == null) {
                    skipped++;
                    continue;
                }
                long arrival = r.arrivalMicros() - pausedMicros;
                if (origin < 0) {
                    origin = arrival;
                }
                if (timelines[side] == null) {
                    timelines[side] = new SideTimeline(OUTPUT_RATE, origin);
                }
                SideDecoder decoder = decoders[side][pt];
                if (decoder == null) {
                    decoder = new SideDecoder(codec.newDecoder(), new Resampler(codec.sampleRate(), OUTPUT_RATE));
                    decoders[side][pt] = decoder;
                }
                long position = timelines[side].position(r.ssrc(), r.rtpTimestamp(), formats[pt].clockRate(), arrival);
                if (decoder.resampler.passThrough() && mixer.decodeInto(channelOfSide[side], position, decoder.decoder,
                        r.payloadArray(), r.payloadOffset(), r.payloadLength()) >= 0) {
                    decodedPackets++;
                    continue;
                }
                int max = decoder.decoder.maxSamples(r.payloadLength());
                if (max > decoded.length) {
                    decoded = new short[max];
                }
                int count = decoder.decoder.decode(r.payloadArray(), r.payloadOffset(), r.payloadLength(), decoded, 0);
                if (count <= 0) {
                    continue;
                }
                short[] samples = decoded;
                int outCount = count;
                if (!decoder.resampler.passThrough()) {
                    if (decoder.resampler.maxOutput(count) > resampled.length) {
                        resampled = new short[decoder.resampler.maxOutput(count)];
                    }
                    outCount = decoder.resampler.convert(decoded, count, resampled);
                    samples = resampled;
                }
                mixer.put(channelOfSide[side], position, samples, outCount);
                decodedPackets++;
            }
        } finally {
            closeAll(decoders);
        }
        mixer.finish();
        return new Outcome(mixer.length(), decodedPackets, skipped, mixer.latePackets(), missing, unknown);
    }

    private static void closeAll(SideDecoder[][] decoders) {
        for (SideDecoder[] side : decoders) {
            for (SideDecoder decoder : side) {
                close(decoder);
            }
        }
    }

    /** Frees what a decoder holds (a native codec's state) now rather than when it is garbage. */
    private static void close(SideDecoder decoder) {
        if (decoder != null) {
            AudioCodecs.release(decoder.decoder);
        }
    }

    /** Reads an {@code rtpmap <pt> <name>} record into the map; returns the payload type, or null. */
    private static Integer readRtpmap(String metadata, Map<Integer, String> rtpmap) {
        String[] parts = metadata.split(" ", 3);
        if (parts.length == 3 && parts[0].equals("rtpmap")) {
            try {
                int pt = Integer.parseInt(parts[1]);
                rtpmap.put(pt, parts[2]);
                return pt;
            } catch (NumberFormatException e) {
                // A damaged metadata record only loses its mapping.
            }
        }
        return null;
    }

    /** A side's decoder for one payload type, with its resampler. */
    private record SideDecoder(AudioDecoder decoder, Resampler resampler) {
    }
}
