/**
 * OrkWeb's page API, for bundles that add pages to the web user interface (such as the administration pages of
 * {@code org.oreka.web.admin}).
 *
 * <p>OrkWeb's pages live in one HTTP Whiteboard context named {@value org.oreka.web.OrkWeb#CONTEXT_NAME} at
 * {@value org.oreka.web.OrkWeb#CONTEXT_PATH}. A page is a servlet in that context:
 *
 * <pre>
 * &#64;Component(service = Servlet.class)
 * &#64;HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=orkweb)")   // OrkWeb.CONTEXT_SELECT
 * &#64;HttpWhiteboardServletPattern("/admin/users")
 * &#64;HttpWhiteboardServletName("orkweb-admin-users")                               // always a unique name
 * public class UsersPage extends HttpServlet {
 *     &#64;Reference OrkWeb web;
 *     protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
 *         Viewer viewer = web.viewer(req);
 *         web.render(req, resp, "Users", "&lt;form method=post&gt;" + web.csrfField(req) + ... + "&lt;/form&gt;");
 *     }
 * }
 * </pre>
 *
 * <p>What the context does before any servlet of it runs, so that pages need not:
 * <ul>
 * <li>a request without a logged-in user is sent to the login form (GET, which comes back to the page afterwards)
 * or refused with 401;</li>
 * <li>a path under {@value org.oreka.web.OrkWeb#ADMIN_PATH_PREFIX} is refused with 403 unless the user is an
 * administrator: administration pages belong there;</li>
 * <li>a POST without the session's CSRF token (form field {@value org.oreka.web.OrkWeb#CSRF_PARAMETER} from
 * {@link org.oreka.web.OrkWeb#csrfField}, or header {@value org.oreka.web.OrkWeb#CSRF_HEADER}) is refused with 403;</li>
 * <li>every answer carries the security headers (a Content-Security-Policy without inline scripts or styles:
 * scripts are files served by the page's bundle, never {@code onclick} or {@code <script>} blocks;
 * {@code X-Frame-Options: DENY}; {@code Cache-Control: no-store}).</li>
 * </ul>
 *
 * <p>A page appears in the navigation menu through a {@link org.oreka.web.MenuEntry} service; every value put
 * into HTML goes through {@link org.oreka.web.Html#escape}. The recording detail page shows extra sections
 * (screen recordings) provided as {@link org.oreka.web.SegmentDetailSection} services.
 */
@Export
@Version("1.1.0")
package org.oreka.web;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
