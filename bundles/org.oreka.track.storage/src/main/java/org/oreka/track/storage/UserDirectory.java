package org.oreka.track.storage;

import java.util.List;
import java.util.Map;
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

    /** Every user that is not deleted, by last and first name. */
    List<User> users();

    /** Every group, regular and security, by name. */
    List<Group> groups();

    /**
     * Sets a user's OrkWeb password, stored as a salted slow hash, and clears a login lock.
     *
     * @throws TrackException ERROR_NO_USER_FOUND when there is no such user, ERROR_INVALID_PASSWORD when the password
     *         is shorter than {@link #MIN_PASSWORD_LENGTH} characters
     */
    void setPassword(long userId, char[] password);

    /** The shortest password {@link #setPassword} takes. */
    int MIN_PASSWORD_LENGTH = 8;

    /**
     * Checks a login: the user of the login string must be active, have a password and not be locked. After
     * {@link #MAX_FAILED_LOGINS} wrong passwords in a row the user is locked for {@link #LOCK_MINUTES} minutes, during
     * which no password is checked; a success resets the count.
     */
    LoginResult login(String loginString, char[] password);

    /** Wrong passwords in a row that lock a user. */
    int MAX_FAILED_LOGINS = 5;

    /** How long a lock lasts. */
    int LOCK_MINUTES = 5;

    /**
     * Makes a user an OrkWeb administrator or not.
     *
     * @throws TrackException ERROR_NO_USER_FOUND when there is no such user
     */
    void setAdmin(long userId, boolean admin);

    /** Whose recordings a user may see (nothing at all for a disabled, deleted or missing user). */
    Visibility visibility(long userId);

    /**
     * Sets the regular groups whose members' recordings the members of a security group may see.
     *
     * @throws TrackException ERROR_GROUP_NOT_FOUND when the security group is not one, or a group is not a regular one
     */
    void setVisibleGroups(long securityGroupId, List<Long> groupIds);

    /** The regular groups a security group may see. */
    List<Group> visibleGroups(long securityGroupId);

    /**
     * Changes a user's names, e-mail address and recordable flag (OrkWeb administration); blank names and e-mail are
     * stored empty.
     *
     * @throws TrackException ERROR_NO_USER_FOUND when there is no such user
     */
    User updateUser(long userId, String firstname, String lastname, String email, boolean recordable);

    /**
     * Takes a login string from a user; a user keeps at least one, by which it is found.
     *
     * @throws TrackException ERROR_NO_USER_FOUND, ERROR_LOGINSTRING_NOT_FOUND when the user does not have it,
     *         ERROR_LAST_LOGINSTRING when it is the user's only one
     */
    User removeLoginString(long userId, String loginString);

    /**
     * Sets the regular groups a user belongs to, replacing the ones it had.
     *
     * @throws TrackException ERROR_NO_USER_FOUND, or ERROR_GROUP_NOT_FOUND when a group is not a regular one
     */
    User setGroups(long userId, List<Long> groupIds);

    /**
     * Sets a user's security group, or none with null.
     *
     * @throws TrackException ERROR_NO_USER_FOUND, or ERROR_GROUP_NOT_FOUND when the group is not a security group
     */
    User setSecurityGroup(long userId, Long securityGroupId);

    /**
     * Disables a user (its calls are no longer recorded for it and it cannot log in) or enables it again.
     *
     * @throws TrackException ERROR_NO_USER_FOUND when there is no such user
     */
    User setDisabled(long userId, boolean disabled);

    /**
     * Deletes a user softly: the row stays, marked deleted (its recordings keep their owner), it leaves every list,
     * cannot log in and is no longer an administrator.
     *
     * @throws TrackException ERROR_NO_USER_FOUND when there is no such user
     */
    void deleteUser(long userId);

    /** How many users (not deleted) each group has, by group id; a group without users is left out. */
    Map<Long, Integer> memberCounts();

    /** The regular groups a user belongs to, by name. */
    List<Group> groupsOf(long userId);

    /** The users that are not deleted and belong to a regular group, or have a security group, by name. */
    List<User> members(long groupId);

    /**
     * Renames a group and sets its parent (null for none); a group cannot be nested in itself or its sub-groups.
     *
     * @throws TrackException ERROR_GROUP_NOT_FOUND, or ERROR_SAVING_GROUP when the name is blank or the parent would
     *         make a loop
     */
    Group updateGroup(long groupId, String name, Long parentId);

    /**
     * Deletes a group by id as {@link #deleteGroup(String)} does a regular one: its sub-groups move to its parent,
     * programs targeting it target no group, its members leave it; the users of a security group have none left.
     *
     * @throws TrackException ERROR_GROUP_NOT_FOUND when there is no such group
     */
    void deleteGroup(long groupId);

    /** How many users were added and updated by an import. */
    record ImportResult(int added, int updated) {
    }
}
