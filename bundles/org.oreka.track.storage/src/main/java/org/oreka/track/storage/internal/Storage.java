package org.oreka.track.storage.internal;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * OrkTrack's database once its schema is current: direct transactions for administration and lookups, and the
 * single {@link WriteQueue} through which every change to recordings goes.
 */
@Component(service = Storage.class)
public class Storage {

    private final JpaTemplate jpa;
    private final WriteQueue writes;

    @Activate
    public Storage(@Reference(target = "(osgi.unit.name=oreka)") JpaTemplate jpa, @Reference OrekaSchema schema) {
        this.jpa = jpa;
        this.writes = new WriteQueue(jpa, "orktrack-writer");
    }

    @Deactivate
    void deactivate() {
        writes.close();
    }

    /** Runs work in a transaction of its own (or the caller's). */
    <R> R tx(EmFunction<R> work) {
        return jpa.txExpr(TransactionType.Required, work);
    }

    /** The queue that serialises and group-commits recording changes. */
    WriteQueue writes() {
        return writes;
    }
}
