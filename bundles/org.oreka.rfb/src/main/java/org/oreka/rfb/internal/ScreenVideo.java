package org.oreka.rfb.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One screen recording's video: raw {@code bgr0} frames piped into ffmpeg (started with an argument vector, never a
 * shell), encoded as WebM (VP8 or VP9, which browsers play) into {@code <name>.part.webm}, renamed to the final name
 * once ffmpeg has finished the file. ffmpeg's own messages go to a log file beside it, kept only when it fails.
 */
final class ScreenVideo implements FrameSink, AutoCloseable {

    /** The video codecs a screen recording can have, by their configuration name. */
    enum Format {
        VP8("libvpx", List.of("-deadline", "realtime", "-cpu-used", "8", "-crf", "10", "-b:v", "2M")),
        VP9("libvpx-vp9", List.of("-deadline", "realtime", "-cpu-used", "8", "-row-mt", "1", "-crf", "32", "-b:v", "0"));

        private final String encoder;
        private final List<String> options;

        Format(String encoder, List<String> options) {
            this.encoder = encoder;
            this.options = options;
        }

        /** The format of a {@code ScreenVideoFormat} value ({@code vp8}, {@code vp9}). */
        static Format parse(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ScreenVideoFormat must be vp8 or vp9, not '" + name + "'");
            }
        }
    }

    private static final long FINISH_SECONDS = 30;

    private final Path target;
    private final Path partial;
    private final Path log;
    private final Process process;
    private final OutputStream frames;
    private final int width;
    private final int height;
    private final byte[] blank;

    /** Starts ffmpeg writing a video of {@code width x height} at {@code frameRate} into {@code target} ({@code .webm}). */
    ScreenVideo(String ffmpeg, Format format, Path target, int width, int height, int frameRate) throws IOException {
        this.target = target;
        String name = target.getFileName().toString();
        String stem = name.endsWith(".webm") ? name.substring(0, name.length() - 5) : name;
        this.partial = target.resolveSibling(stem + ".part.webm");
        this.log = target.resolveSibling(stem + ".ffmpeg.log");
        this.width = width;
        this.height = height;
        this.blank = new byte[width * height * Framebuffer.BYTES_PER_PIXEL];
        List<String> command = new ArrayList<>(List.of(ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-f", "rawvideo", "-pixel_format", "bgr0", "-video_size", width + "x" + height,
                "-framerate", Integer.toString(frameRate), "-i", "pipe:0",
                // yuv420p needs even sides; an odd desktop gets a black line
                "-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2", "-c:v", format.encoder));
        command.addAll(format.options);
        command.addAll(List.of("-g", Integer.toString(frameRate * 10), "-pix_fmt", "yuv420p", "-f", "webm", partial.toString()));
        Files.createDirectories(target.getParent());
        process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(log.toFile()).start();
        frames = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    @Override
    public void write(byte[] frame) throws IOException {
        frames.write(frame, 0, blank.length);
    }

    /** Writes a black frame (a paused recording). */
    @Override
    public void writeBlank() throws IOException {
        write(blank);
    }

    /**
     * What ffmpeg left: the video (null when it wrote nothing) and, when it failed, why (with the end of its
     * messages); a video ffmpeg failed to finish is kept, as much of it as was written.
     */
    record Result(Path file, String failure) {
    }

    /** Ends the input, waits for ffmpeg to finish the file and gives it its final name. */
    Result finish() {
        try {
            frames.close();
        } catch (IOException e) {
            // ffmpeg is gone; its exit status says why
        }
        String failure = null;
        try {
            if (!process.waitFor(FINISH_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                failure = "ffmpeg did not finish the video within " + FINISH_SECONDS + " s";
            } else if (process.exitValue() != 0) {
                failure = "ffmpeg exited with " + process.exitValue() + ": " + tail(log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            failure = "interrupted while ffmpeg finished the video";
        }
        try {
            Path file = null;
            if (Files.isRegularFile(partial) && Files.size(partial) > 0) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
                file = target;
            } else {
                Files.deleteIfExists(partial);
            }
            if (failure == null) {
                Files.deleteIfExists(log);
            }
            return new Result(file, failure);
        } catch (IOException e) {
            return new Result(null, failure != null ? failure : "the video cannot be moved to " + target + ": " + e.getMessage());
        }
    }

    /** Stops ffmpeg at once (the recording could not start). */
    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
            Files.deleteIfExists(partial);
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // a file left behind is named .part or .ffmpeg.log and is never taken for a recording
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "(no message)" : text.substring(Math.max(0, text.length() - 400));
        } catch (IOException e) {
            return "(no message)";
        }
    }
}
