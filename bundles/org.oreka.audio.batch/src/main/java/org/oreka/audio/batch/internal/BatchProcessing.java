package org.oreka.audio.batch.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.oreka.sdk.codec.AudioCodec;
import org.oreka.sdk.codec.AudioCodecs;
import org.oreka.sdk.storage.AudioFileWriter;
import org.oreka.sdk.storage.StorageFormat;
import org.oreka.sdk.tape.Tape;
import org.oreka.sdk.tape.TapeDTO;
import org.oreka.sdk.tape.TapeProcessor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code BatchProcessing} tape processor: turns a tape's journal into the recording file in
 * {@code StorageAudioFormat}, mono or stereo ({@code StereoRecording}, local party on the first channel), keeping
 * the sides the tape's {@code side} asks for, then deletes the journal ({@code DeleteNativeFile}). A tape whose
 * codec or storage format is not installed waits for it; installing the codec bundle lets it through.
 */
@Component(service = TapeProcessor.class, configurationPid = "org.oreka.audio",
        property = TapeProcessor.PROPERTY_NAME + "=BatchProcessing")
public class BatchProcessing implements TapeProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(BatchProcessing.class);

    @ObjectClassDefinition(name = "Oreka BatchProcessing")
    public @interface Config {
        @AttributeDefinition(description = "Format of the recordings: pcmwav, ulaw, alaw (more with storage plugins)")
        String StorageAudioFormat() default "pcmwav";

        @AttributeDefinition(description = "Write the two sides on two channels instead of mixing them")
        boolean StereoRecording() default false;

        @AttributeDefinition(description = "Delete the journal (.mcf) once the recording is written")
        boolean DeleteNativeFile() default true;
    }

    private record Ranked<T>(T service, int ranking) {
    }

    private final AudioCodecs codecs = new AudioCodecs();
    private final Map<String, List<Ranked<StorageFormat>>> formats = new ConcurrentHashMap<>();
    private final Set<String> reportedWaits = ConcurrentHashMap.newKeySet();
    private final JournalTranscoder transcoder = new JournalTranscoder(codecs::forFormat);
    private volatile Config config;

    @Activate
    @Modified
    void configure(Config config) {
        this.config = config;
        reportedWaits.clear();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindCodec(AudioCodec codec, Map<String, Object> properties) {
        codecs.bind(codec, properties);
    }

    void unbindCodec(AudioCodec codec) {
        codecs.unbind(codec);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindFormat(StorageFormat format, Map<String, Object> properties) {
        Object name = properties.get(StorageFormat.PROPERTY_NAME);
        if (name != null) {
            add(formats, name.toString().toLowerCase(Locale.ROOT), new Ranked<>(format, ranking(properties)));
        }
    }

    void unbindFormat(StorageFormat format) {
        formats.values().forEach(list -> list.removeIf(r -> r.service() == format));
    }

    @Override
    public Result process(Tape tape) {
        TapeDTO data = tape.data();
        if (!data.file.endsWith(".mcf")) {
            return Result.DONE; // converted before a restart: nothing left to do
        }
        Config c = config;
        String formatName = c.StorageAudioFormat().strip().toLowerCase(Locale.ROOT);
        StorageFormat format = first(formats.get(formatName));
        if (format == null) {
            waitingFor("storage format '" + formatName + "'");
            return Result.RETRY_LATER;
        }
        Path journal = tape.audioFile();
        try {
            String relative = data.file.substring(0, data.file.length() - ".mcf".length()) + format.extension();
            Path output = tape.resolve(relative);
            Path partial = output.resolveSibling(output.getFileName() + ".part");
            int channels = c.StereoRecording() ? 2 : 1;
            JournalTranscoder.Outcome outcome;
            try (AudioFileWriter writer = format.create(partial, JournalTranscoder.OUTPUT_RATE, channels)) {
                outcome = transcoder.transcode(journal, writer, channels, channelOfSide(data.localSide, data.side));
            }
            if (!outcome.missingCodecs().isEmpty()) {
                Files.deleteIfExists(partial);
                waitingFor("codec " + String.join(", ", outcome.missingCodecs()));
                return Result.RETRY_LATER;
            }
            if (outcome.decodedPackets() == 0 && !outcome.unknownPayloadTypes().isEmpty()) {
                Files.deleteIfExists(partial);
                LOG.warn("Tape {}: no packet has a payload type the signalling named ({}); it cannot be decoded",
                        data.orkuid, outcome.unknownPayloadTypes());
                return Result.GIVE_UP;
            }
            Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (!outcome.unknownPayloadTypes().isEmpty()) {
                LOG.warn("Tape {}: {} packets of payload types {} were not decoded (no rtpmap)", data.orkuid,
                        outcome.skippedPackets(), outcome.unknownPayloadTypes());
            }
            data.file = relative;
            data.durationMillis = outcome.samples() * 1000 / JournalTranscoder.OUTPUT_RATE;
            if (c.DeleteNativeFile()) {
                Files.deleteIfExists(journal);
            }
            return Result.DONE;
        } catch (NoSuchFileException e) {
            LOG.error("Tape {} has no journal {}", data.orkuid, journal);
            return Result.GIVE_UP;
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Tape {} cannot be written now: {}", data.orkuid, e.toString());
            return Result.RETRY_LATER;
        }
    }

    /**
     * Channel of side 1 and side 2 (indexes 1 and 2): the local party's side goes first; -1 for a side the tape
     * does not keep. As in Oreka, keeping one side needs to know which side is local: when that is unknown both
     * are kept, and when both sides are local there is no remote side to keep.
     */
    private static int[] channelOfSide(String localSide, String keptSides) {
        int[] channels = "side2".equals(localSide) ? new int[] {0, 1, 0} : new int[] {0, 0, 1};
        int localIndex = "side1".equals(localSide) ? 1 : "side2".equals(localSide) ? 2 : 0;
        if ("none".equals(keptSides) || ("remote".equals(keptSides) && "both".equals(localSide))) {
            channels[1] = -1;
            channels[2] = -1;
        } else if ("local".equals(keptSides) && localIndex != 0) {
            channels[3 - localIndex] = -1;
        } else if ("remote".equals(keptSides) && localIndex != 0) {
            channels[localIndex] = -1;
        }
        return channels;
    }

    private void waitingFor(String what) {
        if (reportedWaits.add(what)) {
            LOG.warn("BatchProcessing: tapes wait for {}, which is not installed", what);
        }
    }

    private static <K, T> void add(Map<K, List<Ranked<T>>> map, K key, Ranked<T> ranked) {
        List<Ranked<T>> list = map.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>());
        list.add(ranked);
        list.sort((a, b) -> Integer.compare(b.ranking(), a.ranking()));
    }

    private static <T> T first(List<Ranked<T>> list) {
        if (list == null) {
            return null;
        }
        try {
            return list.isEmpty() ? null : list.get(0).service();
        } catch (IndexOutOfBoundsException e) {
            return null;
        }
    }

    private static int ranking(Map<String, Object> properties) {
        Object ranking = properties.get("service.ranking");
        return ranking instanceof Integer ? (Integer) ranking : 0;
    }
}
