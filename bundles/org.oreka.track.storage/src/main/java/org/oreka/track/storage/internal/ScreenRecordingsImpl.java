package org.oreka.track.storage.internal;

import java.util.List;

import org.oreka.track.storage.ScreenRecording;
import org.oreka.track.storage.ScreenRecordings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Screen recordings by the call they belong to, read off the {@code orktape_callrecid} index. */
@Component(service = ScreenRecordings.class)
public class ScreenRecordingsImpl implements ScreenRecordings {

    private final Storage storage;

    @Activate
    public ScreenRecordingsImpl(@Reference Storage storage) {
        this.storage = storage;
    }

    @Override
    public List<ScreenRecording> ofCall(String orkuid) {
        if (orkuid == null || orkuid.isBlank()) {
            return List.of();
        }
        return storage.tx(em -> em.createQuery("SELECT t.recid, t.callRecid, t.filename, t.timestamp, t.duration, sv.name,"
                + " sv.hostname, t.state FROM TapeEntity t LEFT JOIN ServiceEntity sv ON sv.id = t.serviceId"
                + " WHERE t.callRecid = :orkuid AND t.mediaType = 'S' ORDER BY t.timestamp, t.id", Object[].class)
                .setParameter("orkuid", orkuid.trim()).getResultList().stream()
                .map(r -> new ScreenRecording((String) r[0], (String) r[1], (String) r[2], (java.time.Instant) r[3], (Long) r[4],
                        (String) r[5], (String) r[6], (String) r[7]))
                .toList());
    }
}
