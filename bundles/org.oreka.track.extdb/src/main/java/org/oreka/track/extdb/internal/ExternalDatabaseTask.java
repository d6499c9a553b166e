package org.oreka.track.extdb.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.oreka.track.storage.TrackException;
import org.oreka.track.storage.UserDirectory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A named external database sync task (one factory configuration {@code org.oreka.track.extdb-<name>.cfg}): its
 * connection, query and column mapping; run by {@code cmd=extdbsync&name=} and, when configured, periodically.
 */
@Component(service = ExternalDatabaseTask.class, configurationPid = ExternalDatabaseTask.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ExternalDatabaseTask.Config.class, factory = true)
public class ExternalDatabaseTask {

    static final String PID = "org.oreka.track.extdb";
    private static final Logger LOG = LoggerFactory.getLogger(ExternalDatabaseTask.class);

    @ObjectClassDefinition(name = "OrkTrack external database sync task")
    public @interface Config {
        @AttributeDefinition(description = "The task's name, as cmd=extdbsync&name= gives it")
        String name();

        @AttributeDefinition(description = "JDBC URL of the external database")
        String url();

        @AttributeDefinition(description = "JDBC driver name (osgi.jdbc.driver.name); empty to guess it from the URL")
        String driver() default "";

        String user() default "";

        String password() default "";

        @AttributeDefinition(description = "SELECT giving one row per user")
        String query();

        String LoginStringColumn() default "loginstring";

        String FirstNameColumn() default "firstname";

        String LastNameColumn() default "lastname";

        String EmailColumn() default "";

        String GroupColumn() default "";

        String RecordableColumn() default "";

        @AttributeDefinition(description = "Add the external login strings to a user's (true) or replace them (false)")
        boolean KeepLoginStrings() default false;

        @AttributeDefinition(description = "Run every so many minutes; 0 to run only on cmd=extdbsync")
        int PollIntervalMin() default 0;
    }

    private final BundleContext context;
    private final UserDirectory users;
    private final Config config;
    private final ScheduledExecutorService schedule;

    @Activate
    public ExternalDatabaseTask(BundleContext context, @Reference UserDirectory users, Config config) {
        this.context = context;
        this.users = users;
        this.config = config;
        if (config.PollIntervalMin() > 0) {
            schedule = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "orktrack-extdb-" + config.name());
                t.setDaemon(true);
                return t;
            });
            schedule.scheduleWithFixedDelay(this::runQuietly, config.PollIntervalMin(), config.PollIntervalMin(), TimeUnit.MINUTES);
        } else {
            schedule = null;
        }
    }

    @Deactivate
    void deactivate() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }

    String name() {
        return config.name();
    }

    /** Runs the task now. */
    synchronized ExternalUserSync.Result run() {
        ExternalUserSync.Mapping mapping = new ExternalUserSync.Mapping(config.LoginStringColumn(), config.FirstNameColumn(),
                config.LastNameColumn(), config.EmailColumn(), config.GroupColumn(), config.RecordableColumn());
        try (Connection connection = dataSource().getConnection()) {
            connection.setReadOnly(true);
            ExternalUserSync.Result result = ExternalUserSync.run(connection, config.query(), mapping, config.KeepLoginStrings(),
                    users);
            LOG.info("External database sync '{}': {} rows, {} users added, {} updated, {} skipped", config.name(),
                    result.rows(), result.added(), result.updated(), result.skipped());
            return result;
        } catch (SQLException e) {
            throw new TrackException("ERROR_EXTDB_SYNC", "external database sync '" + config.name() + "' failed: " + e.getMessage());
        }
    }

    private void runQuietly() {
        try {
            run();
        } catch (TrackException e) {
            LOG.warn(e.getMessage());
        }
    }

    private DataSource dataSource() throws SQLException {
        String driver = config.driver().isBlank() ? guessDriver(config.url()) : config.driver();
        ServiceReference<DataSourceFactory> reference;
        try {
            reference = context.getServiceReferences(DataSourceFactory.class,
                    "(" + DataSourceFactory.OSGI_JDBC_DRIVER_NAME + "=" + driver + ")").stream().findFirst().orElse(null);
        } catch (InvalidSyntaxException e) {
            throw new SQLException("bad driver name '" + driver + "'");
        }
        if (reference == null) {
            throw new SQLException("no JDBC driver '" + driver + "' is installed");
        }
        DataSourceFactory factory = context.getService(reference);
        try {
            Properties properties = new Properties();
            properties.setProperty(DataSourceFactory.JDBC_URL, config.url());
            if (!config.user().isEmpty()) {
                properties.setProperty(DataSourceFactory.JDBC_USER, config.user());
                properties.setProperty(DataSourceFactory.JDBC_PASSWORD, config.password());
            }
            return factory.createDataSource(properties);
        } finally {
            context.ungetService(reference);
        }
    }

    /** The pax-jdbc driver name for the usual URLs. */
    static String guessDriver(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return "PostgreSQL JDBC Driver";
        }
        if (url.startsWith("jdbc:derby:")) {
            return "derby";
        }
        if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
            return url.startsWith("jdbc:mysql:") ? "mysql" : "mariadb";
        }
        return url;
    }
}
