package org.oreka.web.admin.internal;

import org.oreka.web.OrkWeb;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * {@code /orkweb/admin/static/}: the administration pages' style sheet, served from this bundle's {@code static}
 * folder (OrkWeb's context serves each bundle's own resources; the security policy takes style sheets from files).
 */
@Component(service = AdminStyles.class)
@HttpWhiteboardResource(pattern = AdminStyles.PATH + "*", prefix = "/static")
@HttpWhiteboardContextSelect(OrkWeb.CONTEXT_SELECT)
public class AdminStyles {

    static final String PATH = "/admin/static/";
}
