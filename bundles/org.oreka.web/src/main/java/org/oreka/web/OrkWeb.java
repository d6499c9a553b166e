package org.oreka.web;

import java.io.IOException;
import java.nio.file.Path;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.annotation.versioning.ProviderType;

/**
 * OrkWeb as the pages of the {@value #CONTEXT_NAME} context see it: who is asking, the shared page layout, and
 * the CSRF token of POST forms. Its methods are for requests inside that context, after it let them through.
 */
@ProviderType
public interface OrkWeb {

    /** The name of OrkWeb's HTTP Whiteboard context. */
    String CONTEXT_NAME = "orkweb";

    /** The path of OrkWeb's context on the web port. */
    String CONTEXT_PATH = "/orkweb";

    /** The filter that selects OrkWeb's context, for {@code @HttpWhiteboardContextSelect}. */
    String CONTEXT_SELECT = "(osgi.http.whiteboard.context.name=" + CONTEXT_NAME + ")";

    /** Paths under this prefix (inside the context) are for administrators only; the context enforces it. */
    String ADMIN_PATH_PREFIX = "/admin/";

    /** The form field that carries the CSRF token of a POST. */
    String CSRF_PARAMETER = "csrf";

    /** The header that may carry the CSRF token of a POST instead (scripts). */
    String CSRF_HEADER = "X-CSRF-Token";

    /** The logged-in user making the request (the context lets no other request reach a page). */
    Viewer viewer(HttpServletRequest request);

    /** The CSRF token of the request's session. */
    String csrfToken(HttpServletRequest request);

    /** A hidden form field with the CSRF token, to put in every POST form. */
    String csrfField(HttpServletRequest request);

    /**
     * Writes a page in OrkWeb's layout (header, navigation menu, the logged-in user, logout) with status 200.
     *
     * @param title the page's title, plain text (escaped here)
     * @param bodyHtml the page's content, HTML whose every value the caller escaped with {@link Html#escape}
     */
    void render(HttpServletRequest request, HttpServletResponse response, String title, String bodyHtml) throws IOException;

    /**
     * Sends a file as the answer, with byte ranges so that a browser's player can seek; the caller has checked
     * that the viewer may have it.
     *
     * @param contentType its media type, for instance {@code video/webm}
     * @since 1.1
     */
    void sendFile(HttpServletRequest request, HttpServletResponse response, Path file, String contentType)
            throws IOException;

    /** Writes a page in OrkWeb's layout with another status (an error page: 400, 403, 404...). */
    void render(HttpServletRequest request, HttpServletResponse response, int status, String title, String bodyHtml)
            throws IOException;
}
