package org.oreka.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.oreka.audio.net.CaptureFileReader;
import org.oreka.audio.net.PacketDecoder;
import org.oreka.audio.net.TransportPacket;
import org.oreka.sdk.capture.CapturedFrame;
import org.oreka.sdk.net.Transport;

/**
 * The RTP payloads of one stream of a capture, read with the recorder's own capture reader, and what
 * {@code ffmpeg} decodes from the same bytes: the reference codec tests compare their decoders with.
 */
public final class RtpPayloads {

    private static final int RTP_HEADER_BYTES = 12;

    private RtpPayloads() {
    }

    /** A capture of {@code testdata/pcap}, found through the {@code oreka.testdata} property the build sets. */
    public static Path capture(String name) {
        String testdata = System.getProperty("oreka.testdata");
        if (testdata == null) {
            throw new IllegalStateException("the system property oreka.testdata (the testdata folder) is not set");
        }
        return Path.of(testdata, "pcap", name);
    }

    /**
     * The payloads, in capture order, of the RTP packets of {@code payloadType} sent from UDP port
     * {@code sourcePort} (CSRCs, header extension and padding removed).
     */
    public static List<byte[]> read(Path capture, int sourcePort, int payloadType) throws IOException {
        List<byte[]> payloads = new ArrayList<>();
        PacketDecoder decoder = new PacketDecoder(true);
        CapturedFrame frame = new CapturedFrame();
        try (CaptureFileReader reader = CaptureFileReader.open(capture)) {
            while (reader.next(frame)) {
                TransportPacket packet = decoder.decode(frame);
                if (packet == null || packet.transport() != Transport.UDP || packet.sourcePort() != sourcePort) {
                    continue;
                }
                byte[] payload = rtpPayload(packet.payloadArray(), packet.payloadOffset(), packet.payloadLength(),
                        payloadType);
                if (payload != null) {
                    payloads.add(payload);
                }
            }
        }
        return payloads;
    }

    private static byte[] rtpPayload(byte[] data, int offset, int length, int payloadType) {
        if (length < RTP_HEADER_BYTES || (data[offset] & 0xC0) != 0x80 || (data[offset + 1] & 0x7F) != payloadType) {
            return null;
        }
        int start = offset + RTP_HEADER_BYTES + 4 * (data[offset] & 0x0F);
        int end = offset + length;
        if ((data[offset] & 0x10) != 0 && start + 4 <= end) {
            start += 4 + 4 * (((data[start + 2] & 0xFF) << 8) | (data[start + 3] & 0xFF));
        }
        if ((data[offset] & 0x20) != 0 && end > start) {
            end -= data[end - 1] & 0xFF;
        }
        return start <= end ? Arrays.copyOfRange(data, start, end) : null;
    }

    /** The payloads one after the other, as a raw stream of the codec's frames. */
    public static byte[] concatenate(List<byte[]> payloads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        payloads.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /**
     * Decodes {@code input} with {@code ffmpeg} to 16-bit mono samples at the input's own rate.
     *
     * @param inputOptions the options describing the input, for instance {@code -f gsm}
     * @throws IOException when ffmpeg is missing or fails
     */
    public static short[] ffmpegDecode(byte[] input, String... inputOptions) throws IOException, InterruptedException {
        Path in = Files.createTempFile("ffmpeg-in-", ".raw");
        Path errors = Files.createTempFile("ffmpeg-", ".log");
        try {
            Files.write(in, input);
            List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-nostdin"));
            command.addAll(List.of(inputOptions));
            command.addAll(List.of("-i", in.toString(), "-f", "s16le", "-ac", "1", "-"));
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            byte[] pcm;
            try (InputStream out = process.getInputStream()) {
                pcm = out.readAllBytes();
            }
            if (process.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: "
                        + Files.readString(errors, StandardCharsets.UTF_8));
            }
            short[] samples = new short[pcm.length / 2];
            ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
            return samples;
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(errors);
        }
    }
}
