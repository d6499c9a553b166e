package org.oreka.web.admin.internal;

import static org.oreka.web.Html.escape;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;

import org.oreka.track.storage.Group;
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
 * {@code /orkweb/admin/groups}: regular groups (which nest) and security groups; with {@code ?id=}, one group: its
 * name and parent, its members, the groups a security group may see, and deleting it as {@code cmd=deletegroup} does.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(GroupsServlet.PATH)
@HttpWhiteboardServletName("orkweb-admin-groups")
@HttpWhiteboardContextSelect(OrkWeb.CONTEXT_SELECT)
public class GroupsServlet extends AdminServlet {

    static final String PATH = "/admin/groups";

    private static final long serialVersionUID = 1L;
    /** Deeper nesting than this is shown cut; the storage refuses loops, this only guards the display. */
    private static final int MAX_DEPTH = 32;

    private final transient UserDirectory users;

    @Activate
    public GroupsServlet(@Reference OrkWeb web, @Reference UserDirectory users) {
        super(web);
        this.users = users;
    }

    @Override
    void item(AdminPage page, String id, List<String> errors) throws IOException {
        edit(page, AdminPage.parseId(id), errors);
    }

    @Override
    Done change(AdminPage page, HttpServletRequest req, String action) throws IOException {
        if (action.equals("create")) {
            String name = page.param("name");
            if (name.isEmpty()) {
                list(page, List.of("A group needs a name"));
                return null;
            }
            long parent = page.id("parent");
            Group created = users.createGroup(name, "true".equals(page.param("security")), parent < 0 ? null : parent);
            return new Done(PATH + "?id=" + created.id(), (created.security() ? "Security group " : "Group ") + name + " created");
        }
        long id = page.id("id");
        Optional<Group> group = find(id);
        if (group.isEmpty()) {
            page.notFound("Group", "There is no group " + page.param("id"));
            return null;
        }
        String done = changeGroup(page, req, group.get(), action);
        return done == null ? null : new Done(action.equals("delete") ? PATH : PATH + "?id=" + id, done);
    }

    /** Makes one change to a group; what was done, or null when the page answered already. */
    private String changeGroup(AdminPage page, HttpServletRequest req, Group group, String action) throws IOException {
        switch (action) {
            case "save" -> {
                long parent = page.id("parent");
                users.updateGroup(group.id(), page.param("name"), parent < 0 ? null : parent);
                return "Saved";
            }
            case "addmember" -> {
                String login = page.param("loginstring");
                Optional<User> user = users.byLoginString(login).filter(u -> !u.deleted());
                if (user.isEmpty()) {
                    edit(page, group.id(), List.of("No user has the login string '" + login + "'"));
                    return null;
                }
                if (group.security()) {
                    users.setSecurityGroup(user.get().id(), group.id());
                } else {
                    List<Long> ids = new ArrayList<>(groupIds(user.get().id()));
                    ids.add(group.id());
                    users.setGroups(user.get().id(), ids);
                }
                return UsersServlet.displayName(user.get()) + " added";
            }
            case "removemember" -> {
                long userId = page.id("user");
                if (group.security()) {
                    users.setSecurityGroup(userId, null);
                } else {
                    List<Long> ids = new ArrayList<>(groupIds(userId));
                    ids.remove(group.id());
                    users.setGroups(userId, ids);
                }
                return "Member removed";
            }
            case "visible" -> {
                String[] chosen = req.getParameterValues("visible");
                users.setVisibleGroups(group.id(), chosen == null ? List.of()
                        : Arrays.stream(chosen).map(AdminPage::parseId).filter(g -> g >= 0).toList());
                return "Visible groups saved";
            }
            case "delete" -> {
                users.deleteGroup(group.id());
                return (group.security() ? "Security group " : "Group ") + group.name() + " deleted";
            }
            default -> {
                unknown(page, action);
                return null;
            }
        }
    }

    private List<Long> groupIds(long userId) {
        return users.groupsOf(userId).stream().map(Group::id).toList();
    }

    private Optional<Group> find(long id) {
        return users.groups().stream().filter(g -> g.id() == id).findFirst();
    }

    @Override
    void list(AdminPage page, List<String> errors) throws IOException {
        List<Group> all = users.groups();
        Map<Long, Integer> counts = users.memberCounts();
        StringBuilder body = new StringBuilder();
        for (boolean security : new boolean[] {false, true}) {
            body.append("<h2>").append(security ? "Security groups" : "Regular groups").append("</h2>")
                    .append("<table class=\"results\" id=\"").append(security ? "securitygroups" : "groups")
                    .append("\"><thead><tr><th>Name</th><th>Members</th></tr></thead><tbody>");
            List<Group> shown = all.stream().filter(g -> g.security() == security)
                    .sorted((a, b) -> path(a, all).compareToIgnoreCase(path(b, all))).toList();
            for (Group g : shown) {
                body.append("<tr><td><a href=\"").append(escape(page.contextPath() + PATH + "?id=" + g.id())).append("\">")
                        .append(escape(path(g, all))).append("</a></td><td>").append(counts.getOrDefault(g.id(), 0))
                        .append("</td></tr>");
            }
            if (shown.isEmpty()) {
                body.append("<tr><td colspan=\"2\">None</td></tr>");
            }
            body.append("</tbody></table>");
        }
        body.append("<h2>New group</h2>").append(page.form(PATH, "create", "search"))
                .append(AdminPage.input("Name", "name", page.param("name"), "required maxlength=\"255\""))
                .append(parentSelect(all, null, null))
                .append(AdminPage.checkbox("Security group (decides what its members may see)", "security",
                        "true".equals(page.param("security"))))
                .append("<button type=\"submit\" id=\"creategroup\">Create group</button></form>");
        page.render("Groups", errors, body.toString());
    }

    private void edit(AdminPage page, long id, List<String> errors) throws IOException {
        List<Group> all = users.groups();
        Optional<Group> found = all.stream().filter(g -> g.id() == id).findFirst();
        if (found.isEmpty()) {
            page.notFound("Group", "There is no group " + page.param("id"));
            return;
        }
        Group group = found.get();
        StringBuilder body = new StringBuilder();
        body.append("<p><a href=\"").append(escape(page.contextPath() + PATH)).append("\">All groups</a></p>")
                .append("<p>").append(group.security() ? "A security group: its members see the recordings of the groups below."
                        : "A regular group: it organises users, programs target it, security groups see it.").append("</p>");
        body.append(page.form(PATH, "save", "search")).append(AdminPage.hidden("id", group.id()))
                .append(AdminPage.input("Name", "name", group.name(), "required maxlength=\"255\""))
                .append(parentSelect(all, group.parentId(), group))
                .append("<button type=\"submit\" id=\"savegroup\">Save</button></form>");

        body.append("<h2>Members</h2><table class=\"results\" id=\"members\"><tbody>");
        List<User> members = users.members(group.id());
        for (User u : members) {
            body.append("<tr><td><a href=\"").append(escape(page.contextPath() + UsersServlet.PATH + "?id=" + u.id())).append("\">")
                    .append(escape(UsersServlet.displayName(u))).append("</a></td><td>")
                    .append(escape(String.join(", ", u.loginStrings()))).append("</td><td class=\"actions\">")
                    .append(page.button(PATH, "removemember", Map.of("id", group.id(), "user", u.id()), "Remove", "discard"))
                    .append("</td></tr>");
        }
        if (members.isEmpty()) {
            body.append("<tr><td>No member</td></tr>");
        }
        body.append("</tbody></table>").append(page.form(PATH, "addmember", "search")).append(AdminPage.hidden("id", group.id()))
                .append(AdminPage.input("Add the user with login string", "loginstring", "", "required"))
                .append("<button type=\"submit\" id=\"addmember\">Add member</button></form>");

        if (group.security()) {
            List<Long> visible = users.visibleGroups(group.id()).stream().map(Group::id).toList();
            body.append("<h2>Recordings its members may see</h2>").append(page.form(PATH, "visible", "search"))
                    .append(AdminPage.hidden("id", group.id())).append("<fieldset><legend>Those of the members of")
                    .append(" (with their sub-groups)</legend>");
            all.stream().filter(g -> !g.security()).forEach(g -> body.append("<label class=\"check\"><input type=\"checkbox\" name=\"visible\" value=\"")
                    .append(g.id()).append('"').append(visible.contains(g.id()) ? " checked" : "").append("> ")
                    .append(escape(path(g, all))).append("</label>"));
            if (all.stream().allMatch(Group::security)) {
                body.append("No regular group yet");
            }
            body.append("</fieldset><button type=\"submit\" id=\"savevisible\">Save</button></form>");
        }
        body.append("<h2>Delete</h2><p>").append(group.security() ? "Its members are left without a security group."
                : "Its sub-groups move up to its parent, its members leave it, and programs targeting it no longer do.")
                .append("</p>").append(page.button(PATH, "delete", Map.of("id", group.id()), "Delete group", "discard"));
        page.render((group.security() ? "Security group " : "Group ") + group.name(), errors, body.toString());
    }

    /** The parent drop-down: regular groups only, never the group itself (the storage also refuses its sub-groups). */
    private static String parentSelect(List<Group> all, Long selected, Group editing) {
        List<Map.Entry<String, String>> options = new ArrayList<>();
        options.add(Map.entry("", "(none)"));
        all.stream().filter(g -> !g.security() && (editing == null || g.id() != editing.id()))
                .forEach(g -> options.add(Map.entry(Long.toString(g.id()), path(g, all))));
        return AdminPage.select("Inside group", "parent", options, selected == null ? "" : selected.toString());
    }

    /** A group's name after those of its parents: {@code Sales / EMEA / Paris}. */
    static String path(Group group, List<Group> all) {
        Map<Long, Group> byId = new HashMap<>();
        all.forEach(g -> byId.put(g.id(), g));
        StringBuilder path = new StringBuilder(group.name());
        Group at = group;
        for (int depth = 0; at.parentId() != null && depth < MAX_DEPTH; depth++) {
            at = byId.get(at.parentId());
            if (at == null) {
                break;
            }
            path.insert(0, at.name() + " / ");
        }
        return path.toString();
    }
}
