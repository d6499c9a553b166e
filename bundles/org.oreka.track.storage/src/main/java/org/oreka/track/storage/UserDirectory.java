package org.oreka.track.storage;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Users, their login strings and groups: the provisioning commands ({@code adduser}, {@code addloginstring},
 * {@code addusers}, {@code deletegroup}) and the lookups recording and live monitoring need.
 */
@ProviderType
public interface UserDirectory {

    /**
     * Adds the user of {@code update.loginString()}, or updates the one that has it, changing only the fields
     * given, as the {@code adduser} command specifies.
     *
     * @return the user as saved
     * @throws TrackException ERROR_SAVING_USER when the update lacks what it needs or cannot be saved
     */
    User save(UserUpdate update);

    /**
     * Gives more login strings to the user that has {@code findLoginString}.
     *
     * @throws TrackException ERROR_NO_USER_FOUND_FOR_LOGINSTRING, or ERROR_LOGINSTRING_IN_USE when a new login
     *         string belongs to another user
     */
    User addLoginStrings(String findLoginString, List<String> newLoginStrings);

    /**
     * Adds or updates many users in one transaction; with {@code keepLoginStrings} false an existing user's login
     * strings are replaced by the imported ones, otherwise the imported ones are added.
     *
     * @return how many users were added and updated
     */
    ImportResult importUsers(List<UserUpdate> users, boolean keepLoginStrings);

    /**
     * Deletes a regular group by its exact name.
     *
     * @throws TrackException ERROR_GROUP_NOT_FOUND when no regular group has that name, ERROR_DUPLICATE_GROUP when
     *         several do
     */
    void deleteGroup(String name);

    /** Creates a group (OrkWeb administration; security groups are made this way). */
    Group createGroup(String name, boolean security, Long parentId);

    /** The groups with that exact name. */
    List<Group> groupsNamed(String name);

    /** The user that has a login string. */
    Optional<User> byLoginString(String loginString);

    /** The user with that id. */
    Optional<User> byId(long id);

    /** How many users were added and updated by an import. */
    record ImportResult(int added, int updated) {
    }
}
