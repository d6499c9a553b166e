package org.oreka.web.internal;

import org.oreka.web.OrkWeb;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/** {@code /orkweb/static/}: OrkWeb's style sheet and script, served from the bundle's {@code static} folder. */
@Component(service = StaticResources.class)
@HttpWhiteboardResource(pattern = "/static/*", prefix = "/static")
@HttpWhiteboardContextSelect(OrkWeb.CONTEXT_SELECT)
public class StaticResources {
}
