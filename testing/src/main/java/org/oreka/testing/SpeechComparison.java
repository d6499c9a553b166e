package org.oreka.testing;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.oreka.audio.codec.g711.G711;
import org.oreka.sdk.codec.AudioDecoder;

/**
 * Compares a codec's decoding of a shared capture with the speech SIPp sent in all of them, as the µ-law call of
 * ws-sip-rtp-g711.pcap carries it: waveform correlation for waveform codecs, loudness correlation for those that
 * keep the sound but not the waveform, and loudness.
 */
public final class SpeechComparison {

    /** The capture whose µ-law call is the reference speech, and that call's source port. */
    public static final String REFERENCE_CAPTURE = "ws-sip-rtp-g711.pcap";
    private static final int REFERENCE_PORT = 27942;

    private SpeechComparison() {
    }

    /** The reference speech as 8 kHz PCM: 425 packets of 20 ms. */
    public static short[] referenceSpeech() throws IOException {
        List<byte[]> payloads = RtpPayloads.read(RtpPayloads.capture(REFERENCE_CAPTURE), REFERENCE_PORT, 0);
        short[] pcm = new short[payloads.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (byte[] payload : payloads) {
            G711.ulawToLinear(payload, 0, payload.length, pcm, at);
            at += payload.length;
        }
        return pcm;
    }

    /** Decodes a stream's payloads in order with one decoder, as the recorder does; the samples one after the other. */
    public static short[] decode(AudioDecoder decoder, List<byte[]> payloads) {
        short[] pcm = new short[payloads.stream().mapToInt(p -> decoder.maxSamples(p.length)).sum()];
        int at = 0;
        for (byte[] payload : payloads) {
            at += decoder.decode(payload, 0, payload.length, pcm, at);
        }
        return Arrays.copyOf(pcm, at);
    }

    /**
     * The normalised cross-correlation of two signals at the lag (within {@code maxLag} samples either way) where
     * they match best: 1 for the same waveform, near 0 for unrelated ones.
     */
    public static double bestCorrelation(short[] a, short[] b, int maxLag) {
        return bestCorrelation(toDouble(a), toDouble(b), maxLag, false);
    }

    /**
     * How alike the loudness of two signals moves: the correlation (Pearson) of their RMS over blocks of
     * {@code block} samples, at the lag (within {@code maxLagBlocks} blocks either way) where they match best. For
     * codecs that keep the sound but not the waveform (Opus, Speex), near 1 for the same speech, near 0 otherwise.
     */
    public static double envelopeCorrelation(short[] a, short[] b, int block, int maxLagBlocks) {
        return bestCorrelation(envelope(a, block), envelope(b, block), maxLagBlocks, true);
    }

    /** The best correlation over the lags, of the signals themselves or (Pearson) of their deviations from their means. */
    private static double bestCorrelation(double[] x, double[] y, int maxLag, boolean removeMeans) {
        double best = -1;
        for (int lag = -maxLag; lag <= maxLag; lag++) {
            int xStart = Math.max(0, lag);
            int yStart = Math.max(0, -lag);
            int n = Math.min(x.length - xStart, y.length - yStart);
            double mx = 0;
            double my = 0;
            if (removeMeans && n > 0) {
                for (int i = 0; i < n; i++) {
                    mx += x[xStart + i];
                    my += y[yStart + i];
                }
                mx /= n;
                my /= n;
            }
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

    private static double[] toDouble(short[] pcm) {
        double[] values = new double[pcm.length];
        for (int i = 0; i < pcm.length; i++) {
            values[i] = pcm[i];
        }
        return values;
    }

    private static double[] envelope(short[] pcm, int block) {
        double[] rms = new double[pcm.length / block];
        for (int i = 0; i < rms.length; i++) {
            rms[i] = Pcm.rms(Arrays.copyOfRange(pcm, i * block, (i + 1) * block));
        }
        return rms;
    }
}
