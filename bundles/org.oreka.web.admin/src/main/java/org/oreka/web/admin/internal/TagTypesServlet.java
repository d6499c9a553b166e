package org.oreka.web.admin.internal;

import static org.oreka.web.Html.escape;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;

import org.oreka.track.storage.Tags;
import org.oreka.track.storage.Tags.TagType;
import org.oreka.web.OrkWeb;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /orkweb/admin/tagtypes}: the kinds of tags recordings carry, with their counts; create, rename, and delete
 * one that no tag uses. The recorder's system type {@code dtmfdigit} stays as it is.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(TagTypesServlet.PATH)
@HttpWhiteboardServletName("orkweb-admin-tagtypes")
@HttpWhiteboardContextSelect(OrkWeb.CONTEXT_SELECT)
public class TagTypesServlet extends AdminServlet {

    static final String PATH = "/admin/tagtypes";

    private static final long serialVersionUID = 1L;

    private final transient Tags tags;

    @Activate
    public TagTypesServlet(@Reference OrkWeb web, @Reference Tags tags) {
        super(web);
        this.tags = tags;
    }

    @Override
    Done change(AdminPage page, HttpServletRequest req, String action) throws IOException {
        return switch (action) {
            case "create" -> new Done(PATH, "Tag type " + tags.createTagType(page.param("name")).name() + " created");
            case "rename" -> new Done(PATH, "Renamed to " + tags.renameTagType(page.id("id"), page.param("name")).name());
            case "delete" -> {
                tags.deleteTagType(page.id("id"));
                yield new Done(PATH, "Tag type deleted");
            }
            default -> unknown(page, action);
        };
    }

    @Override
    void list(AdminPage page, List<String> errors) throws IOException {
        List<TagType> types = tags.tagTypes();
        StringBuilder body = new StringBuilder("<table class=\"results\" id=\"tagtypes\"><thead><tr><th>Name</th><th>Tags</th>"
                + "<th>Rename</th><th></th></tr></thead><tbody>");
        for (TagType type : types) {
            body.append("<tr><td>").append(escape(type.name())).append(type.system() ? " (system)" : "").append("</td><td>")
                    .append(type.tagCount()).append("</td><td class=\"actions\">");
            if (!type.system()) {
                body.append(page.form(PATH, "rename", "inline")).append(AdminPage.hidden("id", type.id()))
                        .append("<input name=\"name\" aria-label=\"New name of ").append(escape(type.name()))
                        .append("\" required maxlength=\"255\" value=\"").append(escape(type.name()))
                        .append("\"><button type=\"submit\">Rename</button></form>");
            }
            body.append("</td><td class=\"actions\">");
            if (!type.system() && type.tagCount() == 0) {
                body.append(page.button(PATH, "delete", Map.of("id", type.id()), "Delete", "discard"));
            }
            body.append("</td></tr>");
        }
        if (types.isEmpty()) {
            body.append("<tr><td colspan=\"4\">No tag type yet</td></tr>");
        }
        body.append("</tbody></table><p>A type in use cannot be deleted; tags create their types as they arrive.</p>")
                .append("<h2>New tag type</h2>").append(page.form(PATH, "create", "search"))
                .append(AdminPage.input("Name", "name", "", "required maxlength=\"255\""))
                .append("<button type=\"submit\" id=\"createtagtype\">Create</button></form>");
        page.render("Tag types", errors, body.toString());
    }
}
