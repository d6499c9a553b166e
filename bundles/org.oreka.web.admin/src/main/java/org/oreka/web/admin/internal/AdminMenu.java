package org.oreka.web.admin.internal;

import org.oreka.web.MenuEntry;
import org.osgi.service.component.annotations.Component;

/** The administration pages' entries in OrkWeb's menu, for administrators only, between orders 50 and 80. */
public abstract class AdminMenu implements MenuEntry {

    private final String label;
    private final String path;
    private final int order;

    AdminMenu(String label, String path, int order) {
        this.label = label;
        this.path = path;
        this.order = order;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public boolean adminOnly() {
        return true;
    }

    @Override
    public int order() {
        return order;
    }

    /** Users. */
    @Component(service = MenuEntry.class)
    public static class Users extends AdminMenu {
        public Users() {
            super("Users", UsersServlet.PATH, 50);
        }
    }

    /** Groups. */
    @Component(service = MenuEntry.class)
    public static class Groups extends AdminMenu {
        public Groups() {
            super("Groups", GroupsServlet.PATH, 55);
        }
    }

    /** Programs. */
    @Component(service = MenuEntry.class)
    public static class Programs extends AdminMenu {
        public Programs() {
            super("Programs", ProgramsServlet.PATH, 60);
        }
    }

    /** Tag types. */
    @Component(service = MenuEntry.class)
    public static class TagTypes extends AdminMenu {
        public TagTypes() {
            super("Tag types", TagTypesServlet.PATH, 65);
        }
    }

    /** Workstations and agent logins. */
    @Component(service = MenuEntry.class)
    public static class Workstations extends AdminMenu {
        public Workstations() {
            super("Workstations", WorkstationsServlet.PATH, 70);
        }
    }

    /** Recorders. */
    @Component(service = MenuEntry.class)
    public static class Recorders extends AdminMenu {
        public Recorders() {
            super("Recorders", RecordersServlet.PATH, 75);
        }
    }
}
