package org.oreka.track.command.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContext;

/** The {@code /orktrack} web context on the platform's HTTP port. */
@Component(service = ServletContextHelper.class, scope = ServiceScope.BUNDLE)
@HttpWhiteboardContext(name = OrkTrackContext.NAME, path = "/orktrack")
public class OrkTrackContext extends ServletContextHelper {

    static final String NAME = "orktrack";

    static final String SELECT = "(osgi.http.whiteboard.context.name=" + NAME + ")";
}
