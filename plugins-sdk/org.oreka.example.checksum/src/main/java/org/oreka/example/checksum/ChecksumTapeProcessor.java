package org.oreka.example.checksum;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.oreka.sdk.tape.Tape;
import org.oreka.sdk.tape.TapeProcessor;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@code <recording>.sha256} beside each recording, in the format {@code sha256sum -c} checks, so
 * that tampering with stored calls can be detected. Put {@code Checksum} in {@code TapeProcessors} after the
 * processors that produce the final file.
 */
@Component(service = TapeProcessor.class, property = TapeProcessor.PROPERTY_NAME + "=" + ChecksumTapeProcessor.NAME)
public class ChecksumTapeProcessor implements TapeProcessor {

    /** The name to list in {@code TapeProcessors}. */
    public static final String NAME = "Checksum";

    /** Extension of the checksum file. */
    public static final String EXTENSION = ".sha256";

    private static final Logger LOG = LoggerFactory.getLogger(ChecksumTapeProcessor.class);

    @Override
    public Result process(Tape tape) {
        Path audio = tape.audioFile();
        try {
            String line = sha256(audio) + "  " + audio.getFileName() + "\n";
            Path target = audio.resolveSibling(audio.getFileName() + EXTENSION);
            Path partial = audio.resolveSibling(audio.getFileName() + EXTENSION + ".part");
            Files.writeString(partial, line, StandardCharsets.US_ASCII);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Result.DONE;
        } catch (NoSuchFileException e) {
            LOG.warn("Checksum: recording {} has no file {}", tape.data().orkuid, audio);
            return Result.GIVE_UP;
        } catch (IOException e) {
            LOG.warn("Checksum: cannot checksum {}, will retry: {}", audio, e.toString());
            return Result.RETRY_LATER;
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
