package org.oreka.track.storage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migrates the {@code oreka} DataSource's schema when the DataSource appears, then registers
 * {@link OrekaSchema}. A failed migration is logged with its cause and leaves OrkTrack's repositories
 * unregistered rather than running them on a half-migrated database.
 */
@Component(service = {})
public class SchemaMigrator {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    private ServiceRegistration<OrekaSchema> registration;

    @Activate
    public SchemaMigrator(BundleContext context, @Reference(target = "(osgi.jndi.service.name=oreka)") DataSource dataSource)
            throws IOException {
        List<Migration> migrations = load(context.getBundle());
        try {
            int version = SchemaMigrations.migrate(dataSource, migrations);
            LOG.info("OrkTrack database schema at version {}", version);
            registration = context.registerService(OrekaSchema.class, () -> version, new Hashtable<>());
        } catch (SQLException e) {
            LOG.error("OrkTrack database cannot be brought to the current schema: {}", e.getMessage());
        }
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
    }

    private static List<Migration> load(Bundle bundle) throws IOException {
        List<Migration> migrations = new ArrayList<>();
        for (URL url : Collections.list(bundle.findEntries("db/migration", "V*.sql", false))) {
            String path = url.getPath();
            try (InputStream in = url.openStream()) {
                migrations.add(Migration.of(path.substring(path.lastIndexOf('/') + 1),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return migrations;
    }
}
