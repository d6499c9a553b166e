package org.oreka.web.admin.internal;

import static org.oreka.web.Html.escape;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;

import org.oreka.track.storage.Direction;
import org.oreka.track.storage.Group;
import org.oreka.track.storage.Program;
import org.oreka.track.storage.Programs;
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
 * {@code /orkweb/admin/programs}: the recording programs, the rules that keep recordings (with no active program
 * every recording is kept; with some, a recording is kept when one of them matches it); with {@code ?id=} one
 * program's form ({@code ?id=new} a new one). Changes apply to the next ready recording.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(ProgramsServlet.PATH)
@HttpWhiteboardServletName("orkweb-admin-programs")
@HttpWhiteboardContextSelect(OrkWeb.CONTEXT_SELECT)
public class ProgramsServlet extends AdminServlet {

    static final String PATH = "/admin/programs";

    private static final long serialVersionUID = 1L;

    private final transient Programs programs;
    private final transient UserDirectory users;

    @Activate
    public ProgramsServlet(@Reference OrkWeb web, @Reference Programs programs, @Reference UserDirectory users) {
        super(web);
        this.programs = programs;
        this.users = users;
    }

    @Override
    void item(AdminPage page, String id, List<String> errors) throws IOException {
        if (id.equals("new")) {
            form(page, 0, ProgramForm.values(Program.keepAll(""), this::loginStringOf), errors);
            return;
        }
        Optional<Program> program = find(AdminPage.parseId(id));
        if (program.isEmpty()) {
            page.notFound("Program", "There is no program " + id);
        } else {
            form(page, program.get().id(), ProgramForm.values(program.get(), this::loginStringOf), errors);
        }
    }

    @Override
    Done change(AdminPage page, HttpServletRequest req, String action) throws IOException {
        long id = page.param("id").isEmpty() ? 0 : page.id("id");
        Optional<Program> existing = find(id);
        if (id != 0 && existing.isEmpty()) {
            page.notFound("Program", "There is no program " + page.param("id"));
            return null;
        }
        switch (action) {
            case "save" -> {
                ProgramForm form = ProgramForm.parse(id, req::getParameter,
                        login -> users.byLoginString(login).filter(u -> !u.deleted()).map(User::id));
                Long group = form.program == null ? null : form.program.targetGroupId();
                if (group != null && users.groups().stream().noneMatch(g -> g.id() == group && !g.security())) {
                    form.errors.add("Target group " + group + " is not a regular group (it may have been deleted)");
                }
                if (!form.errors.isEmpty()) {
                    form(page, id, form.values, form.errors);
                    return null;
                }
                Program saved = programs.save(form.program);
                return new Done(PATH, "Program " + saved.name() + (id == 0 ? " created" : " saved"));
            }
            case "activate", "deactivate" -> {
                Program p = existing.orElseThrow();
                boolean active = action.equals("activate");
                programs.save(new Program(p.id(), p.name(), active, p.direction(), p.minDurationSeconds(),
                        p.maxDurationSeconds(), p.randomShare(), p.cycle(), p.startDay(), p.stopDay(), p.startTime(),
                        p.stopTime(), p.recordingsPerCycle(), p.localParty(), p.remoteParty(), p.remotePartyList(),
                        p.keepForHours(), p.targetUserId(), p.targetGroupId(), p.targetPort(), p.created()));
                return new Done(PATH, "Program " + p.name() + (active ? " activated" : " deactivated"));
            }
            case "delete" -> {
                programs.delete(existing.orElseThrow().id());
                return new Done(PATH, "Program " + existing.get().name() + " deleted");
            }
            default -> {
                return unknown(page, action);
            }
        }
    }

    private Optional<Program> find(long id) {
        return programs.all().stream().filter(p -> p.id() == id).findFirst();
    }

    private String loginStringOf(long userId) {
        return users.byId(userId).map(u -> u.loginStrings().isEmpty() ? "" : u.loginStrings().get(0)).orElse("");
    }

    @Override
    void list(AdminPage page, List<String> errors) throws IOException {
        List<Program> all = programs.all();
        List<Group> groups = users.groups();
        StringBuilder body = new StringBuilder("<p>");
        body.append(all.stream().noneMatch(Program::active) ? "No program is active: every recording is kept."
                : "A recording is kept when an active program matches it; the others are discarded (the recorder deletes them).")
                .append("</p><p><a href=\"").append(escape(page.contextPath() + PATH + "?id=new")).append("\" id=\"newprogram\">New program</a></p>")
                .append("<table class=\"results\" id=\"programs\"><thead><tr><th>Name</th><th>Active</th><th>Keeps</th>")
                .append("<th>Kept for</th><th></th></tr></thead><tbody>");
        for (Program p : all) {
            Map<String, Object> idField = Map.of("id", p.id());
            body.append("<tr><td><a href=\"").append(escape(page.contextPath() + PATH + "?id=" + p.id())).append("\">")
                    .append(escape(p.name())).append("</a></td><td>").append(p.active() ? "yes" : "no").append("</td><td>")
                    .append(escape(describe(p, groups))).append("</td><td>")
                    .append(p.keepForHours() == 0 ? "ever" : escape(p.keepForHours() + " h")).append("</td><td class=\"actions\">")
                    .append(p.active() ? page.button(PATH, "deactivate", idField, "Deactivate", "neither")
                            : page.button(PATH, "activate", idField, "Activate", "keep"))
                    .append(page.button(PATH, "delete", idField, "Delete", "discard")).append("</td></tr>");
        }
        if (all.isEmpty()) {
            body.append("<tr><td colspan=\"5\">No program</td></tr>");
        }
        body.append("</tbody></table>");
        page.render("Programs", errors, body.toString());
    }

    /** What a program keeps, in words. */
    private String describe(Program p, List<Group> groups) {
        List<String> parts = new ArrayList<>();
        parts.add(p.direction() == Direction.IN ? "incoming calls" : p.direction() == Direction.OUT ? "outgoing calls" : "calls");
        if (p.minDurationSeconds() > 0) {
            parts.add("of at least " + p.minDurationSeconds() + " s");
        }
        if (p.maxDurationSeconds() > 0) {
            parts.add("of at most " + p.maxDurationSeconds() + " s");
        }
        if (p.localParty() != null) {
            parts.add("local party " + p.localParty());
        }
        List<String> remote = new ArrayList<>(p.remotePartyList());
        if (p.remoteParty() != null) {
            remote.add(0, p.remoteParty());
        }
        if (!remote.isEmpty()) {
            parts.add("remote party " + (remote.size() <= 3 ? String.join(" or ", remote) : "in a list of " + remote.size()));
        }
        if (p.targetUserId() != null) {
            parts.add("of user " + loginStringOf(p.targetUserId()));
        }
        if (p.targetGroupId() != null) {
            parts.add("of group " + groups.stream().filter(g -> g.id() == p.targetGroupId()).findFirst()
                    .map(g -> GroupsServlet.path(g, groups)).orElse("?"));
        }
        if (p.targetPort() != null) {
            parts.add("on port " + p.targetPort());
        }
        if (p.startDay() != null) {
            parts.add(day(p.startDay()) + " to " + day(p.stopDay()));
        }
        if (p.startTime() != null) {
            parts.add("from " + p.startTime() + " to " + p.stopTime());
        }
        if (p.randomShare() < 1) {
            parts.add(ProgramForm.percentText(p.randomShare()) + " % of them");
        }
        if (p.recordingsPerCycle() > 0) {
            parts.add("at most " + p.recordingsPerCycle() + (p.cycle() == Program.Cycle.PERMANENT ? " in all"
                    : " per " + cycleUnit(p.cycle())));
        }
        return String.join(", ", parts);
    }

    private static String day(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static String cycleUnit(Program.Cycle cycle) {
        return switch (cycle) {
            case HOURLY -> "hour";
            case DAILY -> "day";
            case WEEKLY -> "week";
            default -> "month";
        };
    }

    private void form(AdminPage page, long id, Map<String, String> v, List<String> errors) throws IOException {
        List<Group> groups = users.groups();
        List<Map.Entry<String, String>> groupOptions = new ArrayList<>();
        groupOptions.add(Map.entry("", "(any)"));
        groups.stream().filter(g -> !g.security()).forEach(g -> groupOptions.add(Map.entry(Long.toString(g.id()), GroupsServlet.path(g, groups))));
        List<Map.Entry<String, String>> days = new ArrayList<>();
        days.add(Map.entry("", "(every day)"));
        for (DayOfWeek d : DayOfWeek.values()) {
            days.add(Map.entry(d.name(), day(d)));
        }
        List<Map.Entry<String, String>> cycles = new ArrayList<>();
        for (Program.Cycle c : Program.Cycle.values()) {
            cycles.add(Map.entry(c.name(), c == Program.Cycle.PERMANENT ? "permanent (never resets)" : c.name().toLowerCase(Locale.ROOT)));
        }
        StringBuilder body = new StringBuilder();
        body.append("<p><a href=\"").append(escape(page.contextPath() + PATH)).append("\">All programs</a></p>")
                .append(page.form(PATH, "save", "program")).append(id == 0 ? "" : AdminPage.hidden("id", id))
                .append(AdminPage.input("Name", "name", v.get("name"), "required maxlength=\"255\""))
                .append(AdminPage.checkbox("Active", "active", "true".equals(v.get("active"))))
                .append("<h2>Calls it matches (every criterion given must hold)</h2>")
                .append(AdminPage.select("Direction", "direction", List.of(Map.entry("ALL", "any"), Map.entry("IN", "incoming"),
                        Map.entry("OUT", "outgoing")), v.get("direction")))
                .append(AdminPage.input("Minimum duration (seconds)", "mindur", v.get("mindur"), "inputmode=\"numeric\""))
                .append(AdminPage.input("Maximum duration (seconds)", "maxdur", v.get("maxdur"), "inputmode=\"numeric\""))
                .append(AdminPage.input("Local party", "localparty", v.get("localparty"), "maxlength=\"255\""))
                .append(AdminPage.input("Remote party", "remoteparty", v.get("remoteparty"), "maxlength=\"255\""))
                .append("<label class=\"wide\">More remote parties (one a line) <textarea name=\"remoteparties\" id=\"remoteparties\" rows=\"3\">")
                .append(escape(v.get("remoteparties"))).append("</textarea></label>")
                .append(AdminPage.input("Target user (login string)", "targetuser", v.get("targetuser"), "maxlength=\"255\""))
                .append(AdminPage.select("Target group", "targetgroup", groupOptions, v.get("targetgroup")))
                .append(AdminPage.input("Target port (capture port)", "targetport", v.get("targetport"), "maxlength=\"255\""))
                .append("<h2>When</h2>")
                .append(AdminPage.select("From day", "startday", days, v.get("startday")))
                .append(AdminPage.select("To day", "stopday", days, v.get("stopday")))
                .append(AdminPage.input("From time (HH:mm)", "starttime", v.get("starttime"), "placeholder=\"09:00\""))
                .append(AdminPage.input("To time (HH:mm)", "stoptime", v.get("stoptime"), "placeholder=\"17:30\""))
                .append("<h2>How many</h2>")
                .append(AdminPage.input("Random share kept (%)", "percent", v.get("percent"), "inputmode=\"decimal\""))
                .append(AdminPage.input("Recordings per cycle (0 or empty: no limit)", "recpercycle", v.get("recpercycle"), "inputmode=\"numeric\""))
                .append(AdminPage.select("Cycle", "cycle", cycles, v.get("cycle")))
                .append(AdminPage.input("Keep for hours (0 or empty: for ever)", "keephours", v.get("keephours"), "inputmode=\"numeric\""))
                .append("<button type=\"submit\" id=\"saveprogram\">Save program</button></form>");
        page.render(id == 0 ? "New program" : "Program " + v.get("name"), errors, body.toString());
    }
}
