package org.oreka.itests;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * Every OrkTrack command test again, with the platform on a real PostgreSQL server (started for the run) instead of
 * the embedded Derby: the configuration a multi-recorder site uses.
 */
public class PostgresIT extends TrackApiIT {

    private static final String DRIVER = "PostgreSQL JDBC Driver";

    /** Pax Exam asks for the configuration more than once; one server serves the run. */
    private static PostgresServer server;

    @Override
    protected Option[] extraOptions() {
        synchronized (PostgresIT.class) {
            if (server == null) {
                try {
                    server = PostgresServer.start();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot start PostgreSQL for the test", e);
                }
            }
        }
        String datasource = "etc/org.ops4j.datasource-oreka.cfg";
        return new Option[] {
            editConfigurationFilePut(datasource, "osgi.jdbc.driver.name", DRIVER),
            editConfigurationFilePut(datasource, "url", server.jdbcUrl()),
            editConfigurationFilePut(datasource, "user", PostgresServer.USER),
            editConfigurationFilePut(datasource, "password", ""),
            editConfigurationFilePut("etc/org.apache.aries.jpa.oreka.cfg", "hibernate.dialect",
                    "org.hibernate.dialect.PostgreSQL10Dialect")};
    }

    @Test
    public void theDatabaseIsPostgresqlAtTheNewestSchema() throws Exception {
        DataSource db = service(DataSource.class, "(osgi.jndi.service.name=oreka)");
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT MAX(version) FROM oreka_schema_history")) {
            assertEquals("PostgreSQL", c.getMetaData().getDatabaseProductName());
            r.next();
            assertEquals("V9 (OrkWeb accounts) is the newest", 9, r.getInt(1));
        }
    }
}
