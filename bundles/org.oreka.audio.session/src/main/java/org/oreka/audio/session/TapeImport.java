package org.oreka.audio.session;

import java.io.IOException;

import org.oreka.sdk.tape.TapeDTO;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Brings a recording made by another system into the recorder (Oreka's {@code importtape}): the file is copied
 * under {@code AudioOutputPath} as a new recording with its own orkuid and goes through the tape-processor chain
 * like a captured call (CommandProcessing can convert it, Reporting reports it to OrkTrack).
 *
 * @since 1.3
 */
@ProviderType
public interface TapeImport {

    /**
     * Imports one recording.
     *
     * @return the tape as handed to the chain
     * @throws IllegalArgumentException when the file is not a readable file inside the recorder's import folder
     *         ({@code ImportTapePath}), or the recording's description is not valid
     * @throws IOException when the file cannot be copied or the tape saved; nothing is left behind
     */
    TapeDTO importTape(ImportedTape tape) throws IOException;
}
