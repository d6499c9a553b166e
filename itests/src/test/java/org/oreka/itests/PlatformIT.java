package org.oreka.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** The assembled distribution boots with every Oreka feature, resolved and wired, and both APIs answer. */
public class PlatformIT extends OrekaTestSupport {

    @Test
    public void everyOrekaFeatureInstallsAndNothingIsLeftUnresolved() throws Exception {
        for (String feature : new String[] {"oreka-all", "oreka-recorder", "oreka-track", "oreka-web", "oreka-rfb"}) {
            assertTrue(feature + " is installed at boot", featuresService.isInstalled(featuresService.getFeature(feature)));
        }
        featuresService.installFeature("oreka-example-checksum");
        assertTrue(featuresService.isInstalled(featuresService.getFeature("oreka-example-checksum")));

        List<String> notActive = new ArrayList<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            boolean fragment = (bundle.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (bundle.getState() != expected) {
                notActive.add(bundle.getSymbolicName() + " state " + bundle.getState());
            }
        }
        assertEquals("bundles neither active nor resolved fragments", List.of(), notActive);
    }

    @Test
    public void everyOrekaComponentIsActive() throws Exception {
        ServiceComponentRuntime scr = service(ServiceComponentRuntime.class, null);
        List<String> problems = new ArrayList<>();
        await("all Oreka components are active", () -> {
            problems.clear();
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
                if (!description.bundle.symbolicName.startsWith("org.oreka")) {
                    continue;
                }
                for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                    if (configuration.state != ComponentConfigurationDTO.ACTIVE
                            && configuration.state != ComponentConfigurationDTO.SATISFIED) {
                        problems.add(description.name + " state " + configuration.state);
                    }
                }
            }
            return problems.isEmpty();
        });
    }

    @Test
    public void recorderPingAnswersXmlAndSingleLine() throws Exception {
        HttpResponse<String> xml = getOk("http://localhost:" + recorderPort() + "/command?type=ping");
        assertEquals(200, xml.statusCode());
        assertTrue(xml.body(), xml.body().contains("<response><success>true</success></response>"));
        assertEquals("success=true ", get("http://localhost:" + recorderPort() + "/command?type=ping&accept=text/single-line").body());
    }

    @Test
    public void orkTrackPingAnswersPong() throws Exception {
        HttpResponse<String> response = getOk("http://localhost:" + webPort() + "/orktrack/command?cmd=ping");
        assertEquals(200, response.statusCode());
        assertEquals("class=simpleresponse success=true comment=pong", response.body());
        assertEquals(400, get("http://localhost:" + webPort() + "/orktrack/command?cmd=nosuchcommand").statusCode());
    }

    @Test
    public void theRecorderPortMovesWhenItsConfigurationChanges() throws Exception {
        int before = recorderPort();
        assertEquals(200, getOk("http://localhost:" + before + "/command?type=ping").statusCode());
        int moved = before + 1;
        updateConfig("org.oreka.audio", "HttpServerPort", Integer.toString(moved));
        try {
            assertEquals(200, getOk("http://localhost:" + moved + "/command?type=ping").statusCode());
        } finally {
            updateConfig("org.oreka.audio", "HttpServerPort", Integer.toString(before));
        }
        assertEquals(200, getOk("http://localhost:" + before + "/command?type=ping").statusCode());
    }

    @Test
    public void theDatabaseIsMigratedAndThePersistenceUnitWorks() throws Exception {
        DataSource dataSource = service(DataSource.class, "(osgi.jndi.service.name=oreka)");
        try (var connection = dataSource.getConnection()) {
            assertTrue(connection.getMetaData().getDatabaseProductName().contains("Derby"));
        }
        awaitOutput("jdbc:tables oreka", "OREKA_SCHEMA_HISTORY");
        assertTrue(executeCommand("jdbc:tables oreka").contains("ORKSERVICE"));

        // The probe may see another javax.persistence than Hibernate's: talk to the factory reflectively.
        ServiceReference<?>[] emfs = bundleContext.getAllServiceReferences("javax.persistence.EntityManagerFactory",
                "(osgi.unit.name=oreka)");
        assertTrue("the 'oreka' persistence unit is registered", emfs != null && emfs.length == 1);
        Object emf = bundleContext.getService(emfs[0]);
        Object em = emf.getClass().getMethod("createEntityManager").invoke(emf);
        try {
            Object query = em.getClass().getMethod("createQuery", String.class).invoke(em, "SELECT COUNT(s) FROM ServiceEntity s");
            Object count = query.getClass().getMethod("getSingleResult").invoke(query);
            assertEquals(0L, ((Number) count).longValue());
        } finally {
            em.getClass().getMethod("close").invoke(em);
        }
    }
}
