package org.oreka.web.admin.internal;

import static org.oreka.web.Html.escape;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.oreka.web.OrkWeb;

/**
 * What every administration page shares: POST forms carrying the CSRF token, the answer to a change (a redirect
 * to the page with what was done, or the page again with what was wrong), and the form fields.
 */
final class AdminPage {

    /** The query parameter that carries the message of a change that was made, after its redirect. */
    static final String DONE = "done";

    private final OrkWeb web;
    private final HttpServletRequest request;
    private final HttpServletResponse response;

    AdminPage(OrkWeb web, HttpServletRequest request, HttpServletResponse response) {
        this.web = web;
        this.request = request;
        this.response = response;
    }

    /** A request parameter, trimmed; empty when missing. */
    String param(String name) {
        return Objects.requireNonNullElse(request.getParameter(name), "").trim();
    }

    /** The id in a parameter, or -1 when it is missing or not a number. */
    long id(String name) {
        return parseId(param(name));
    }

    /** An id, or -1 when the text is not one. */
    static long parseId(String text) {
        try {
            long id = Long.parseLong(text.trim());
            return id < 0 ? -1 : id;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The context's path, {@code /orkweb}. */
    String contextPath() {
        return request.getContextPath();
    }

    /** The start of a POST form to this page's {@code path} with the CSRF token and the {@code action} to take. */
    String form(String path, String action, String cssClass) {
        return "<form method=\"post\" class=\"" + cssClass + "\" action=\"" + escape(request.getContextPath() + path)
                + "\">" + web.csrfField(request) + hidden("action", action);
    }

    /** A form with one button: an action on one thing (delete, disable...). */
    String button(String path, String action, Map<String, Object> fields, String label, String cssClass) {
        StringBuilder html = new StringBuilder(form(path, action, "inline"));
        fields.forEach((name, value) -> html.append(hidden(name, value)));
        return html.append("<button type=\"submit\" class=\"").append(cssClass).append("\">").append(escape(label))
                .append("</button></form>").toString();
    }

    static String hidden(String name, Object value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape(value) + "\">";
    }

    static String input(String label, String name, Object value, String attributes) {
        return "<label>" + escape(label) + " <input name=\"" + name + "\" id=\"" + name + "\" value=\"" + escape(value)
                + "\"" + (attributes.isEmpty() ? "" : " " + attributes) + "></label>";
    }

    static String checkbox(String label, String name, boolean checked) {
        return "<label class=\"check\"><input type=\"checkbox\" name=\"" + name + "\" id=\"" + name + "\" value=\"true\""
                + (checked ? " checked" : "") + "> " + escape(label) + "</label>";
    }

    /** A drop-down list of value/label pairs with {@code selected} chosen. */
    static String select(String label, String name, List<Map.Entry<String, String>> options, String selected) {
        StringBuilder html = new StringBuilder("<label>").append(escape(label)).append(" <select name=\"").append(name)
                .append("\" id=\"").append(name).append("\">");
        for (Map.Entry<String, String> option : options) {
            html.append("<option value=\"").append(escape(option.getKey())).append('"')
                    .append(option.getKey().equals(selected) ? " selected" : "").append('>').append(escape(option.getValue()))
                    .append("</option>");
        }
        return html.append("</select></label>").toString();
    }

    /** The messages of the page: what the last change did (after its redirect) and what is wrong. */
    String messages(List<String> errors) {
        StringBuilder html = new StringBuilder();
        String done = param(DONE);
        if (!done.isEmpty() && errors.isEmpty()) {
            html.append("<p class=\"done\" role=\"status\">").append(escape(done)).append("</p>");
        }
        if (!errors.isEmpty()) {
            html.append("<ul class=\"error\" role=\"alert\">");
            errors.forEach(e -> html.append("<li>").append(escape(e)).append("</li>"));
            html.append("</ul>");
        }
        return html.toString();
    }

    /** After a change: back to {@code path} (GET), saying what was done. */
    void redirect(String path, String done) throws IOException {
        response.sendRedirect(request.getContextPath() + path + (path.contains("?") ? "&" : "?") + DONE + "="
                + URLEncoder.encode(done, StandardCharsets.UTF_8));
    }

    /** The page in OrkWeb's layout; 400 when it shows errors of a refused change. */
    void render(String title, List<String> errors, String bodyHtml) throws IOException {
        web.render(request, response, errors.isEmpty() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_BAD_REQUEST,
                title, styles() + messages(errors) + bodyHtml);
    }

    /** The administration style sheet (a link in the body: OrkWeb's layout owns the head). */
    private String styles() {
        return "<link rel=\"stylesheet\" href=\"" + escape(request.getContextPath() + AdminStyles.PATH + "admin.css") + "\">";
    }

    /** A page that is not there: an id of nothing. */
    void notFound(String title, String what) throws IOException {
        web.render(request, response, HttpServletResponse.SC_NOT_FOUND, title,
                "<p class=\"error\" role=\"alert\">" + escape(what) + "</p>");
    }

    /** The logged-in administrator's user id. */
    long viewerId() {
        return web.viewer(request).userId();
    }
}
