package org.oreka.track.storage;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The recording programs (administration) and the caches ingestion evaluates them from. */
@ProviderType
public interface Programs {

    /** Adds a program (id 0) or replaces one; the change applies to the next ready recording. */
    Program save(Program program);

    /** Deletes a program. */
    void delete(long id);

    /** Every program, active or not. */
    List<Program> all();

    /** Reloads users, groups, ports and programs from the database ({@code cmd=updatecache}). */
    void reloadCaches();

    /** Reloads the programs' remote party lists ({@code cmd=updatecache&cache=programsremoteparty}). */
    void reloadRemotePartyLists();
}
