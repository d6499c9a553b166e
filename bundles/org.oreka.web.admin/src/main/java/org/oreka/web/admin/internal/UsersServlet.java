package org.oreka.web.admin.internal;

import static org.oreka.web.Html.escape;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;

import org.oreka.track.storage.Group;
import org.oreka.track.storage.TrackException;
import org.oreka.track.storage.User;
import org.oreka.track.storage.UserDirectory;
import org.oreka.web.OrkWeb;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /orkweb/admin/users}: the users (search, create) and, with {@code ?id=}, one user: names, e-mail,
 * recordable, login strings, groups and security group, password, administrator, disable, delete.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(UsersServlet.PATH)
@HttpWhiteboardServletName("orkweb-admin-users")
@HttpWhiteboardContextSelect(OrkWeb.CONTEXT_SELECT)
public class UsersServlet extends AdminServlet {

    static final String PATH = "/admin/users";

    private static final long serialVersionUID = 1L;
    /** The users a page lists at most (a large site has thousands; the search narrows them). */
    private static final int MAX_LISTED = 500;

    private final transient UserDirectory users;

    @Activate
    public UsersServlet(@Reference OrkWeb web, @Reference UserDirectory users) {
        super(web);
        this.users = users;
    }

    @Override
    void list(AdminPage page, List<String> errors) throws IOException {
        list(page, errors, null);
    }

    @Override
    void item(AdminPage page, String id, List<String> errors) throws IOException {
        edit(page, AdminPage.parseId(id), errors);
    }

    @Override
    Done change(AdminPage page, HttpServletRequest req, String action) throws IOException {
        if (action.equals("create")) {
            return create(page, req);
        }
        long id = page.id("id");
        Optional<User> user = id < 0 ? Optional.empty() : users.byId(id).filter(u -> !u.deleted());
        if (user.isEmpty()) {
            page.notFound("User", "There is no user " + page.param("id"));
            return null;
        }
        String self = selfRefusal(action, id == page.viewerId());
        if (self != null) {
            edit(page, id, List.of(self));
            return null;
        }
        String done = changeUser(page, req, user.get(), action);
        return done == null ? null : new Done(action.equals("delete") ? PATH : PATH + "?id=" + id, done);
    }

    /** Why an administrator may not do this to their own account (they would lock themselves out), or null. */
    static String selfRefusal(String action, boolean self) {
        if (!self) {
            return null;
        }
        return switch (action) {
            case "disable" -> "You cannot disable your own account";
            case "delete" -> "You cannot delete your own account";
            case "revokeadmin" -> "You cannot take away your own administrator rights; another administrator can";
            default -> null;
        };
    }

    /** Makes one change to a user; the message saying what was done, or null when the page answered already. */
    private String changeUser(AdminPage page, HttpServletRequest req, User user, String action) throws IOException {
        long id = user.id();
        switch (action) {
            case "save" -> {
                UserForm form = UserForm.details(req::getParameter);
                if (!form.errors.isEmpty()) {
                    edit(page, id, form.errors);
                    return null;
                }
                users.updateUser(id, form.firstname, form.lastname, form.email, form.recordable);
                return "Saved";
            }
            case "addlogin" -> {
                UserForm form = UserForm.loginString(req::getParameter);
                if (!form.errors.isEmpty()) {
                    edit(page, id, form.errors);
                    return null;
                }
                users.addLoginStrings(user.loginStrings().get(0), List.of(form.loginString));
                return "Login string " + form.loginString + " added";
            }
            case "removelogin" -> {
                users.removeLoginString(id, page.param("loginstring"));
                return "Login string " + page.param("loginstring") + " removed";
            }
            case "groups" -> {
                String[] chosen = req.getParameterValues("group");
                List<Long> groupIds = chosen == null ? List.of()
                        : Arrays.stream(chosen).map(AdminPage::parseId).filter(g -> g >= 0).toList();
                users.setGroups(id, groupIds);
                long security = page.id("securitygroup");
                users.setSecurityGroup(id, security < 0 ? null : security);
                return "Groups saved";
            }
            case "password" -> {
                UserForm form = UserForm.password(req::getParameter);
                if (!form.errors.isEmpty()) {
                    edit(page, id, form.errors);
                    return null;
                }
                setPassword(id, form.password);
                return "Password set";
            }
            case "grantadmin", "revokeadmin" -> {
                boolean admin = action.equals("grantadmin");
                if (admin && !user.hasPassword()) {
                    edit(page, id, List.of("Set a password first: an administrator must be able to log in"));
                    return null;
                }
                users.setAdmin(id, admin);
                return admin ? "Now an administrator" : "No longer an administrator";
            }
            case "disable", "enable" -> {
                users.setDisabled(id, action.equals("disable"));
                return action.equals("disable") ? "Disabled" : "Enabled";
            }
            case "delete" -> {
                users.deleteUser(id);
                return "User " + displayName(user) + " deleted";
            }
            default -> {
                unknown(page, action);
                return null;
            }
        }
    }

    private Done create(AdminPage page, HttpServletRequest req) throws IOException {
        UserForm form = UserForm.newUser(req::getParameter);
        if (form.errors.isEmpty() && users.byLoginString(form.loginString).isPresent()) {
            form.errors.add("The login string " + form.loginString + " already belongs to a user");
        }
        if (!form.errors.isEmpty()) {
            list(page, form.errors, form);
            return null;
        }
        User created;
        try {
            created = users.save(form.update());
            if (form.password != null) {
                setPassword(created.id(), form.password);
            }
            if (form.admin) {
                users.setAdmin(created.id(), true);
            }
        } catch (TrackException e) {
            list(page, List.of(e.getMessage()), form);
            return null;
        }
        return new Done(PATH + "?id=" + created.id(), "User " + displayName(created) + " created");
    }

    private void setPassword(long id, char[] password) {
        try {
            users.setPassword(id, password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void list(AdminPage page, List<String> errors, UserForm entered) throws IOException {
        String query = page.param("q").toLowerCase(Locale.ROOT);
        List<User> found = users.users().stream().filter(u -> query.isEmpty() || matches(u, query)).toList();
        List<User> shown = found.size() > MAX_LISTED ? found.subList(0, MAX_LISTED) : found;
        StringBuilder body = new StringBuilder();
        body.append("<form method=\"get\" class=\"search\" action=\"").append(escape(pathOf(page))).append("\">")
                .append(AdminPage.input("Search", "q", page.param("q"), "type=\"search\" placeholder=\"name, login string, e-mail\""))
                .append("<button type=\"submit\" id=\"searchusers\">Search</button></form>");
        body.append("<table class=\"results\" id=\"users\"><thead><tr><th>Name</th><th>Login strings</th><th>E-mail</th>"
                + "<th>Groups</th><th>Security group</th><th>Recordable</th><th>Status</th></tr></thead><tbody>");
        for (User u : shown) {
            body.append("<tr><td><a href=\"").append(escape(pathOf(page) + "?id=" + u.id())).append("\">")
                    .append(escape(displayName(u))).append("</a></td><td>").append(escape(String.join(", ", u.loginStrings())))
                    .append("</td><td>").append(escape(u.email())).append("</td><td>").append(escape(String.join(", ", u.groups())))
                    .append("</td><td>").append(escape(u.securityGroup())).append("</td><td>").append(u.recordable() ? "yes" : "no")
                    .append("</td><td>").append(escape(status(u))).append("</td></tr>");
        }
        if (found.isEmpty()) {
            body.append("<tr><td colspan=\"7\">No user").append(query.isEmpty() ? "" : " matches").append("</td></tr>");
        }
        body.append("</tbody></table>");
        if (shown.size() < found.size()) {
            body.append("<p>The first ").append(MAX_LISTED).append(" of ").append(found.size())
                    .append(" users; search to find the others.</p>");
        }
        UserForm form = entered;
        body.append("<h2>New user</h2>").append(page.form(PATH, "create", "account"))
                .append(AdminPage.input("Login string", "loginstring", form == null ? "" : form.loginString, "required maxlength=\"255\""))
                .append(AdminPage.input("First name", "firstname", form == null ? "" : form.firstname, "required maxlength=\"255\""))
                .append(AdminPage.input("Last name", "lastname", form == null ? "" : form.lastname, "required maxlength=\"255\""))
                .append(AdminPage.input("E-mail", "email", form == null ? "" : form.email, "type=\"email\""))
                .append(AdminPage.checkbox("Recordable (calls are recorded)", "recordable", form == null || form.recordable))
                .append(AdminPage.input("Password (to log in to OrkWeb; optional)", "password", "",
                        "type=\"password\" autocomplete=\"new-password\""))
                .append(AdminPage.input("Password again", "password2", "", "type=\"password\" autocomplete=\"new-password\""))
                .append(AdminPage.checkbox("Administrator", "admin", form != null && form.admin))
                .append("<button type=\"submit\" id=\"createuser\">Create user</button></form>");
        page.render("Users", errors, body.toString());
    }

    private void edit(AdminPage page, long id, List<String> errors) throws IOException {
        Optional<User> found = id < 0 ? Optional.empty() : users.byId(id).filter(u -> !u.deleted());
        if (found.isEmpty()) {
            page.notFound("User", "There is no user " + page.param("id"));
            return;
        }
        User u = found.get();
        Map<String, Object> idField = Map.of("id", u.id());
        StringBuilder body = new StringBuilder();
        body.append("<p><a href=\"").append(escape(pathOf(page))).append("\">All users</a></p>")
                .append("<dl class=\"fields\"><dt>Id</dt><dd>").append(u.id()).append("</dd><dt>Status</dt><dd id=\"status\">")
                .append(escape(status(u))).append("</dd><dt>OrkWeb password</dt><dd>")
                .append(u.hasPassword() ? "set" : "none (cannot log in)").append("</dd></dl>");

        body.append("<h2>Details</h2>").append(page.form(PATH, "save", "account")).append(AdminPage.hidden("id", u.id()))
                .append(AdminPage.input("First name", "firstname", u.firstname(), "required maxlength=\"255\""))
                .append(AdminPage.input("Last name", "lastname", u.lastname(), "required maxlength=\"255\""))
                .append(AdminPage.input("E-mail", "email", u.email(), "type=\"email\""))
                .append(AdminPage.checkbox("Recordable (calls are recorded)", "recordable", u.recordable()))
                .append("<button type=\"submit\" id=\"saveuser\">Save</button></form>");

        body.append("<h2>Login strings</h2><table class=\"results\" id=\"loginstrings\"><tbody>");
        for (String login : u.loginStrings()) {
            body.append("<tr><td>").append(escape(login)).append("</td><td class=\"actions\">")
                    .append(u.loginStrings().size() == 1 ? "the user's only login string"
                            : page.button(PATH, "removelogin", Map.of("id", u.id(), "loginstring", login), "Remove", "discard"))
                    .append("</td></tr>");
        }
        body.append("</tbody></table>").append(page.form(PATH, "addlogin", "search")).append(AdminPage.hidden("id", u.id()))
                .append(AdminPage.input("New login string", "loginstring", "", "required maxlength=\"255\""))
                .append("<button type=\"submit\" id=\"addloginstring\">Add</button></form>");

        List<Group> all = users.groups();
        List<Long> mine = users.groupsOf(u.id()).stream().map(Group::id).toList();
        body.append("<h2>Groups</h2>").append(page.form(PATH, "groups", "search")).append(AdminPage.hidden("id", u.id()))
                .append("<fieldset class=\"groups\"><legend>Regular groups</legend>");
        all.stream().filter(g -> !g.security()).forEach(g -> body.append("<label class=\"check\"><input type=\"checkbox\" name=\"group\" value=\"")
                .append(g.id()).append('"').append(mine.contains(g.id()) ? " checked" : "").append("> ")
                .append(escape(GroupsServlet.path(g, all))).append("</label>"));
        if (all.stream().allMatch(Group::security)) {
            body.append("No regular group yet");
        }
        body.append("</fieldset>");
        List<Map.Entry<String, String>> securityGroups = new ArrayList<>();
        securityGroups.add(Map.entry("", "(none)"));
        String currentSecurity = "";
        for (Group g : all) {
            if (g.security()) {
                securityGroups.add(Map.entry(Long.toString(g.id()), g.name()));
                if (g.name().equals(u.securityGroup())) {
                    currentSecurity = Long.toString(g.id());
                }
            }
        }
        body.append(AdminPage.select("Security group", "securitygroup", securityGroups, currentSecurity))
                .append("<button type=\"submit\" id=\"savegroups\">Save groups</button></form>");

        body.append("<h2>OrkWeb password</h2>").append(page.form(PATH, "password", "account")).append(AdminPage.hidden("id", u.id()))
                .append(AdminPage.input("New password", "password", "", "type=\"password\" autocomplete=\"new-password\" required minlength=\""
                        + UserDirectory.MIN_PASSWORD_LENGTH + "\""))
                .append(AdminPage.input("New password again", "password2", "", "type=\"password\" autocomplete=\"new-password\" required"))
                .append("<button type=\"submit\" id=\"setpassword\">Set password</button></form>");

        body.append("<h2>Account</h2>");
        if (u.id() == page.viewerId()) {
            body.append("<p>Your own account: another administrator can disable or delete it, or take away its rights.</p>");
        } else {
            body.append("<p class=\"actions\">")
                    .append(u.admin() ? page.button(PATH, "revokeadmin", idField, "Revoke administrator", "neither")
                            : page.button(PATH, "grantadmin", idField, "Make administrator", "keep"))
                    .append(u.disabled() ? page.button(PATH, "enable", idField, "Enable", "keep")
                            : page.button(PATH, "disable", idField, "Disable", "neither"))
                    .append(page.button(PATH, "delete", idField, "Delete user", "discard")).append("</p>");
        }
        page.render("User " + displayName(u), errors, body.toString());
    }

    private static String pathOf(AdminPage page) {
        return page.contextPath() + PATH;
    }

    static boolean matches(User u, String query) {
        return Stream.concat(Stream.of(u.firstname(), u.lastname(), displayName(u), u.email()), u.loginStrings().stream())
                .anyMatch(s -> s != null && s.toLowerCase(Locale.ROOT).contains(query));
    }

    static String displayName(User u) {
        String name = ((u.firstname() == null ? "" : u.firstname()) + " " + (u.lastname() == null ? "" : u.lastname())).trim();
        return name.isEmpty() ? String.join(", ", u.loginStrings()) : name;
    }

    private static String status(User u) {
        return (u.disabled() ? "disabled" : "active") + (u.admin() ? ", administrator" : "");
    }
}
