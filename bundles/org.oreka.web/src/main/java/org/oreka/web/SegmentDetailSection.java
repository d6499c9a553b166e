package org.oreka.web;

import java.util.Optional;

import org.oreka.track.storage.Segment;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A section of the recording detail page provided by another bundle, registered as a whiteboard service (the
 * screen recordings of the call, for example). Sections are shown after OrkWeb's own, by {@link #order()}; one that
 * has nothing to show for a segment returns empty and is left out.
 */
@ConsumerType
public interface SegmentDetailSection {

    /** Where the section goes, smaller first. */
    int order();

    /**
     * The section for one segment, which the viewer may see.
     *
     * @return the section's title (plain text) and content (HTML whose every value is escaped), or empty
     */
    Optional<Section> render(Segment segment, Viewer viewer);

    /**
     * A rendered section.
     *
     * @param title its heading, plain text
     * @param bodyHtml its content, HTML
     */
    record Section(String title, String bodyHtml) {
    }
}
