package org.oreka.itests;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.oreka.audio.session.TapeListener;
import org.oreka.sdk.tape.TagDTO;
import org.oreka.sdk.tape.TapeDTO;

/** A tape listener a test registers to see what the recorder announces: stopped tapes and added tags. */
final class TapeEvents implements TapeListener {

    final List<TapeDTO> stopped = new CopyOnWriteArrayList<>();
    final List<TagDTO> tags = new CopyOnWriteArrayList<>();

    @Override
    public void tapeStarted(TapeDTO tape) {
    }

    @Override
    public void tapeUpdated(TapeDTO tape) {
    }

    @Override
    public void tapeStopped(TapeDTO tape) {
        stopped.add(tape);
    }

    @Override
    public void tagAdded(TagDTO tag) {
        tags.add(tag);
    }
}
