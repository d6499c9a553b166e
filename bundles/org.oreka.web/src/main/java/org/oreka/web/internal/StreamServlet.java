package org.oreka.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.oreka.track.storage.Segment;
import org.oreka.track.storage.SegmentSearch;
import org.oreka.track.storage.UserDirectory;
import org.oreka.track.storage.Visibility;
import org.oreka.web.OrkWeb;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code /orkweb/stream/<filename>} (Oreka's playback URL): a recording's file for a viewer allowed to see one of
 * its segments, from the audio folders only, with byte ranges so the browser can seek; formats a browser cannot
 * play are converted to WAV first. {@code ?download=true} sends the file as stored, as an attachment.
 */
@Component(service = Servlet.class, configurationPid = {"org.oreka.audio", StreamServlet.PID},
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@HttpWhiteboardServletPattern(StreamServlet.PATH_PREFIX + "/*")
@HttpWhiteboardServletName("orkweb-stream")
@HttpWhiteboardContextSelect(OrkWeb.CONTEXT_SELECT)
public class StreamServlet extends HttpServlet {

    static final String PATH_PREFIX = "/stream";
    /** OrkWeb's own configuration. */
    static final String PID = "org.oreka.web";

    private static final long serialVersionUID = 1L;

    /** Where recordings are (the recorder's key, read from its PID) and OrkWeb's playback settings. */
    @ObjectClassDefinition(name = "OrkWeb playback")
    public @interface Config {
        @AttributeDefinition(description = "The recorder's audio folder (org.oreka.audio); empty: ${karaf.data}/audio")
        String AudioOutputPath() default "";

        @AttributeDefinition(description = "More folders holding recordings (CSV), e.g. other recorders' folders mounted here")
        String AudioRoots() default "";

        @AttributeDefinition(description = "The ffmpeg program that converts GSM and G.711 recordings for browsers")
        String FfmpegPath() default "ffmpeg";

        @AttributeDefinition(description = "Where converted recordings are kept; empty: ${karaf.data}/orkweb/transcoded")
        String TranscodeCachePath() default "";
    }

    private final transient OrkWeb web;
    private final transient SegmentSearch search;
    private final transient UserDirectory users;
    private transient volatile AudioFiles files;
    private transient volatile Transcoder transcoder;

    @Activate
    public StreamServlet(@Reference OrkWeb web, @Reference SegmentSearch search, @Reference UserDirectory users, Config config) {
        this.web = web;
        this.search = search;
        this.users = users;
        configure(config);
    }

    @Modified
    void configure(Config config) {
        files = AudioFiles.of(config.AudioOutputPath(), config.AudioRoots());
        Path cache = config.TranscodeCachePath().isBlank()
                ? Paths.get(System.getProperty("karaf.data", "data"), "orkweb", "transcoded") : Paths.get(config.TranscodeCachePath().trim());
        transcoder = new Transcoder(cache, config.FfmpegPath().isBlank() ? "ffmpeg" : config.FfmpegPath().trim());
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String filename = req.getPathInfo() == null ? "" : req.getPathInfo().replaceFirst("^/+", "");
        List<Segment> segments = search.ofFile(filename);
        if (segments.isEmpty()) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND, "No recording has that file");
            return;
        }
        Visibility visibility = users.visibility(web.viewer(req).userId());
        if (segments.stream().noneMatch(s -> visibility.sees(s.userId()))) {
            resp.sendError(HttpServletResponse.SC_FORBIDDEN, "You may not hear this recording");
            return;
        }
        Optional<Path> stored = files.resolve(filename);
        if (stored.isEmpty()) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND, "The recording's file is not in this server's audio folders");
            return;
        }
        boolean download = "true".equals(req.getParameter("download"));
        Path file = stored.get();
        String type;
        if (download) {
            type = AudioFiles.browserType(file).orElse("application/octet-stream");
        } else {
            Optional<String> playable = AudioFiles.browserType(file);
            if (playable.isEmpty()) {
                try {
                    file = transcoder.toWave(file);
                } catch (IOException e) {
                    resp.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "The recording could not be converted for playback");
                    return;
                }
            }
            type = playable.orElse("audio/wav");
        }
        String name = stored.get().getFileName().toString();
        resp.setHeader("Content-Disposition", (download ? "attachment" : "inline") + "; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        send(req, resp, file, type);
    }

    /** Sends a file, or the one range of it the request asks for. */
    static void send(HttpServletRequest req, HttpServletResponse resp, Path file, String type) throws IOException {
        long size = Files.size(file);
        resp.setContentType(type);
        resp.setHeader("Accept-Ranges", "bytes");
        ByteRange.Request asked = ByteRange.parse(req.getHeader("Range"), size);
        long first = 0;
        long length = size;
        if (asked instanceof ByteRange.Unsatisfiable) {
            resp.setHeader("Content-Range", "bytes */" + size);
            resp.sendError(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
            return;
        }
        if (asked instanceof ByteRange.Part part) {
            first = part.range().first();
            length = part.range().length();
            resp.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            resp.setHeader("Content-Range", "bytes " + first + "-" + part.range().last() + "/" + size);
        }
        resp.setContentLengthLong(length);
        if ("HEAD".equals(req.getMethod())) {
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(first);
            OutputStream out = resp.getOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }
}
