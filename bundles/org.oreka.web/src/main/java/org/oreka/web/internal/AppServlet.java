package org.oreka.web.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.oreka.web.OrkWeb;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /orkweb/app}: the URLs of the OrkWeb API (spec table 2.2). With {@code username} and {@code password} it is
 * a remote login (GET as the spec writes it, or POST) that opens the recordings search with the given criteria
 * ({@code startdate}, {@code enddate}, {@code userid}; {@code filterby=false} hides the search form,
 * {@code mainmenu=false} the navigation menu for the session); {@code page=LiveMonitoring} and
 * {@code page=SegmentDetail} open those pages with their parameters. Each answers with a redirect, so the
 * password does not stay in the address bar or the history of the page the user sees.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(AppServlet.PATH)
@HttpWhiteboardServletName("orkweb-app")
@HttpWhiteboardContextSelect(OrkWeb.CONTEXT_SELECT)
public class AppServlet extends HttpServlet {

    static final String PATH = "/app";
    static final String USERNAME = "username";

    private static final long serialVersionUID = 1L;
    /** The page parameters passed on to the live monitoring and recording detail pages. */
    private static final List<String> PAGE_PARAMETERS = List.of("ondemand", "localparty", "orkuid", "tagtype", "tagtext");
    /** The remote login's search criteria and the search form's names for them, in the order links carry them. */
    private static final Map<String, String> SEARCH_PARAMETERS = new LinkedHashMap<>();

    static {
        SEARCH_PARAMETERS.put("startdate", "from");
        SEARCH_PARAMETERS.put("enddate", "to");
        SEARCH_PARAMETERS.put("localparty", "local");
        SEARCH_PARAMETERS.put("remoteparty", "remote");
        SEARCH_PARAMETERS.put("userid", "user");
    }

    private final transient OrkWeb web;
    private final transient Logins logins;

    @Activate
    public AppServlet(@Reference OrkWeb web, @Reference Logins logins) {
        this.web = web;
        this.logins = logins;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String username = req.getParameter(USERNAME);
        if (username != null) {
            String failure = logins.logIn(req, username, req.getParameter("password"));
            if (failure != null) {
                LoginServlet.showForm(web, req, resp, HttpServletResponse.SC_UNAUTHORIZED,
                        req.getContextPath() + PATH + "?" + queryWithout(req, USERNAME, "password"), username, failure);
                return;
            }
        }
        String menu = req.getParameter("mainmenu");
        if (menu != null) {
            WebSession.hideMenu(req, "false".equalsIgnoreCase(menu));
        }
        resp.sendRedirect(target(req, ZoneId.systemDefault(), Instant.now()));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        doGet(req, resp);
    }

    /** The page an API URL opens. */
    static String target(HttpServletRequest req, ZoneId zone, Instant now) {
        String context = req.getContextPath();
        String page = req.getParameter("page");
        if ("LiveMonitoring".equalsIgnoreCase(page)) {
            return context + LiveServlet.PATH + pass(req, PAGE_PARAMETERS);
        }
        if ("SegmentDetail".equalsIgnoreCase(page)) {
            return context + SegmentServlet.PATH + pass(req, PAGE_PARAMETERS);
        }
        StringBuilder search = new StringBuilder();
        SEARCH_PARAMETERS.forEach((api, form) -> {
            String value = req.getParameter(api);
            if (value != null && !value.isBlank()) {
                if (api.endsWith("date")) {
                    Instant date = SearchForm.parseDate(value.trim(), now, zone);
                    value = date == null ? value : SearchForm.FORM_DATE.format(date.atZone(zone));
                }
                search.append(search.length() == 0 ? "?" : "&").append(form).append('=')
                        .append(URLEncoder.encode(value.trim(), StandardCharsets.UTF_8));
            }
        });
        if ("false".equalsIgnoreCase(req.getParameter("filterby"))) {
            search.append(search.length() == 0 ? "?" : "&").append("filterby=false");
        }
        return context + RecordingsServlet.PATH + search;
    }

    private static String pass(HttpServletRequest req, List<String> names) {
        StringBuilder query = new StringBuilder();
        for (String name : names) {
            String value = req.getParameter(name);
            if (value != null) {
                query.append(query.length() == 0 ? "?" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return query.toString();
    }

    private static String queryWithout(HttpServletRequest req, String... left) {
        List<String> leftOut = List.of(left);
        StringBuilder query = new StringBuilder();
        req.getParameterMap().forEach((name, values) -> {
            if (!leftOut.contains(name) && !name.equals(OrkWeb.CSRF_PARAMETER)) {
                for (String value : values) {
                    query.append(query.length() == 0 ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                            .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                }
            }
        });
        return query.toString();
    }
}
