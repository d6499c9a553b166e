package org.oreka.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.oreka.audio.codec.g711.G711;
import org.oreka.audio.net.CaptureFileReader;
import org.oreka.audio.net.PacketDecoder;
import org.oreka.audio.net.TransportPacket;
import org.oreka.sdk.capture.CapturedFrame;
import org.oreka.sdk.net.Transport;

/**
 * The RTP payloads of a capture, read with the recorder's own capture reader, for codec tests: each stream's
 * payloads in capture order, and the speech SIPp sent in the shared captures as the G.711 capture carries it, the
 * reference the other codecs' decodings are compared with.
 */
public final class RtpPayloads {

    /** The capture of the SIPp calls whose µ-law stream is the reference speech. */
    public static final String REFERENCE_CAPTURE = "ws-sip-rtp-g711.pcap";

    private RtpPayloads() {
    }

    /**
     * The payloads of every UDP RTP stream of {@code payloadType} in a capture, by stream (source address and port),
     * in the order the streams began. The RTP header (with CSRCs, extension and padding) is removed.
     */
    public static Map<String, List<byte[]>> streams(Path capture, int payloadType) throws IOException {
        Map<String, List<byte[]>> streams = new LinkedHashMap<>();
        PacketDecoder decoder = new PacketDecoder(true);
        CapturedFrame frame = new CapturedFrame();
        try (CaptureFileReader reader = CaptureFileReader.open(capture)) {
            while (reader.next(frame)) {
                TransportPacket packet = decoder.decode(frame);
                if (packet == null || packet.transport() != Transport.UDP) {
                    continue;
                }
                byte[] payload = rtpPayload(packet.payloadArray(), packet.payloadOffset(), packet.payloadLength(),
                        payloadType);
                if (payload != null) {
                    String stream = packet.sourceAddress().getHostAddress() + ":" + packet.sourcePort();
                    streams.computeIfAbsent(stream, k -> new ArrayList<>()).add(payload);
                }
            }
        }
        return streams;
    }

    /** The payloads of the only stream of {@code payloadType} in a capture. */
    public static List<byte[]> onlyStream(Path capture, int payloadType) throws IOException {
        Map<String, List<byte[]>> streams = streams(capture, payloadType);
        if (streams.size() != 1) {
            throw new IllegalStateException(capture + " has " + streams.size() + " streams of payload type " + payloadType);
        }
        return streams.values().iterator().next();
    }

    /** The reference speech: the µ-law call of {@link #REFERENCE_CAPTURE} in a folder of captures, as 8 kHz PCM. */
    public static short[] referenceSpeech(Path captures) throws IOException {
        List<byte[]> payloads = onlyStream(captures.resolve(REFERENCE_CAPTURE), 0);
        short[] pcm = new short[payloads.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (byte[] payload : payloads) {
            G711.ulawToLinear(payload, 0, payload.length, pcm, at);
            at += payload.length;
        }
        return pcm;
    }

    /**
     * The normalised cross-correlation of two signals at the lag (within {@code maxLag} samples either way) where
     * they match best: 1 for the same waveform, near 0 for unrelated ones.
     */
    public static double bestCorrelation(short[] a, short[] b, int maxLag) {
        double best = 0;
        for (int lag = -maxLag; lag <= maxLag; lag++) {
            int aStart = Math.max(0, lag);
            int bStart = Math.max(0, -lag);
            int n = Math.min(a.length - aStart, b.length - bStart);
            double ab = 0;
            double aa = 0;
            double bb = 0;
            for (int i = 0; i < n; i++) {
                double x = a[aStart + i];
                double y = b[bStart + i];
                ab += x * y;
                aa += x * x;
                bb += y * y;
            }
            if (aa > 0 && bb > 0) {
                best = Math.max(best, ab / Math.sqrt(aa * bb));
            }
        }
        return best;
    }

    /**
     * How alike the loudness of two signals moves: the correlation (Pearson) of their RMS over blocks of
     * {@code block} samples, at the lag (within {@code maxLagBlocks} blocks either way) where they match best. For
     * codecs that keep the sound but not the waveform (Opus, Speex), near 1 for the same speech, near 0 otherwise.
     */
    public static double envelopeCorrelation(short[] a, short[] b, int block, int maxLagBlocks) {
        double[] x = envelope(a, block);
        double[] y = envelope(b, block);
        double best = -1;
        for (int lag = -maxLagBlocks; lag <= maxLagBlocks; lag++) {
            int xStart = Math.max(0, lag);
            int yStart = Math.max(0, -lag);
            int n = Math.min(x.length - xStart, y.length - yStart);
            double mx = 0;
            double my = 0;
            for (int i = 0; i < n; i++) {
                mx += x[xStart + i];
                my += y[yStart + i];
            }
            mx /= n;
            my /= n;
            double xy = 0;
            double xx = 0;
            double yy = 0;
            for (int i = 0; i < n; i++) {
                double dx = x[xStart + i] - mx;
                double dy = y[yStart + i] - my;
                xy += dx * dy;
                xx += dx * dx;
                yy += dy * dy;
            }
            if (xx > 0 && yy > 0) {
                best = Math.max(best, xy / Math.sqrt(xx * yy));
            }
        }
        return best;
    }

    private static double[] envelope(short[] pcm, int block) {
        double[] rms = new double[pcm.length / block];
        for (int i = 0; i < rms.length; i++) {
            rms[i] = rms(Arrays.copyOfRange(pcm, i * block, (i + 1) * block));
        }
        return rms;
    }

    /**
     * What ffmpeg decodes from a raw stream of frames ({@code -f format}, as {@code g729}), as 8 kHz mono PCM: a
     * second opinion on a codec's output.
     */
    public static short[] ffmpegDecode(byte[] frames, String format) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("oreka-ffmpeg");
        try {
            Path in = Files.write(dir.resolve("in." + format), frames);
            Path out = dir.resolve("out.raw");
            Process ffmpeg = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-f", format, "-i", in.toString(),
                    "-f", "s16le", "-ac", "1", "-ar", "8000", out.toString()).redirectErrorStream(true).start();
            String output = new String(ffmpeg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (ffmpeg.waitFor() != 0) {
                throw new IOException("ffmpeg could not decode " + format + ": " + output);
            }
            ByteBuffer pcm = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
            short[] samples = new short[pcm.remaining() / 2];
            pcm.asShortBuffer().get(samples);
            return samples;
        } finally {
            Processes.deleteRecursively(dir);
        }
    }

    /** The root mean square of a signal. */
    public static double rms(short[] pcm) {
        double sum = 0;
        for (short s : pcm) {
            sum += (double) s * s;
        }
        return pcm.length == 0 ? 0 : Math.sqrt(sum / pcm.length);
    }

    private static byte[] rtpPayload(byte[] data, int offset, int length, int payloadType) {
        if (length < 12 || (data[offset] & 0xC0) != 0x80 || (data[offset + 1] & 0x7F) != payloadType) {
            return null;
        }
        int header = 12 + 4 * (data[offset] & 0x0F);
        if ((data[offset] & 0x10) != 0 && length >= header + 4) {
            header += 4 + 4 * (((data[offset + header + 2] & 0xFF) << 8) | (data[offset + header + 3] & 0xFF));
        }
        int end = length;
        if ((data[offset] & 0x20) != 0) {
            end -= data[offset + length - 1] & 0xFF;
        }
        if (header > end) {
            return null;
        }
        byte[] payload = new byte[end - header];
        System.arraycopy(data, offset + header, payload, 0, payload.length);
        return payload;
    }
}
