package org.oreka.web.admin.internal;

import java.io.IOException;
import java.util.List;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.oreka.track.storage.TrackException;
import org.oreka.web.OrkWeb;

/**
 * An administration page: a list, with {@code ?id=} one item's page, and changes POSTed with an {@code action}
 * that answer with a redirect saying what was done; a change the storage refuses shows the page again with why.
 */
abstract class AdminServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    final transient OrkWeb web;

    AdminServlet(OrkWeb web) {
        this.web = web;
    }

    @Override
    protected final void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        AdminPage page = new AdminPage(web, req, resp);
        show(page, List.of());
    }

    @Override
    protected final void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        AdminPage page = new AdminPage(web, req, resp);
        try {
            Done done = change(page, req, page.param("action"));
            if (done != null) {
                page.redirect(done.path(), done.message());
            }
        } catch (TrackException refused) {
            show(page, List.of(refused.getMessage()));
        }
    }

    /** The page the request names: the item of its {@code id}, else the list. */
    final void show(AdminPage page, List<String> errors) throws IOException {
        if (page.param("id").isEmpty()) {
            list(page, errors);
        } else {
            item(page, page.param("id"), errors);
        }
    }

    /** The list page, with the errors of a refused change. */
    abstract void list(AdminPage page, List<String> errors) throws IOException;

    /** One item's page; pages without one show the list. */
    void item(AdminPage page, String id, List<String> errors) throws IOException {
        list(page, errors);
    }

    /**
     * Makes the change {@code action} asks for.
     *
     * @return where to go and what was done, or null when the page answered already (a form with errors)
     * @throws TrackException when the storage refuses the change
     */
    Done change(AdminPage page, HttpServletRequest req, String action) throws IOException {
        return unknown(page, action);
    }

    /** The answer to an action the page does not have. */
    final Done unknown(AdminPage page, String action) throws IOException {
        show(page, List.of("Unknown action '" + action + "'"));
        return null;
    }

    /**
     * A change made.
     *
     * @param path the page to show next, inside the context
     * @param message what was done, for a person
     */
    record Done(String path, String message) {
    }
}
