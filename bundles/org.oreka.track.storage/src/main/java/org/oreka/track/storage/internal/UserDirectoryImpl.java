package org.oreka.track.storage.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.oreka.track.storage.Group;
import org.oreka.track.storage.LoginResult;
import org.oreka.track.storage.TrackException;
import org.oreka.track.storage.User;
import org.oreka.track.storage.UserDirectory;
import org.oreka.track.storage.UserUpdate;
import org.oreka.track.storage.Visibility;
import org.oreka.track.storage.internal.entity.GroupEntity;
import org.oreka.track.storage.internal.entity.LoginStringEntity;
import org.oreka.track.storage.internal.entity.SecurityGroupAccessEntity;
import org.oreka.track.storage.internal.entity.UserEntity;
import org.oreka.track.storage.internal.entity.UserGroupEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Users, login strings and groups in the database, with the provisioning API's rules. */
@Component
public class UserDirectoryImpl implements UserDirectory {

    static final String ERROR_SAVING_USER = "ERROR_SAVING_USER";
    static final String ERROR_NO_USER_FOR_LOGINSTRING = "ERROR_NO_USER_FOUND_FOR_LOGINSTRING";
    /** The length of the name columns (names, e-mail, login strings, group names). */
    static final int NAME_LENGTH = 255;

    private static final Logger LOG = LoggerFactory.getLogger(UserDirectoryImpl.class);

    private final Storage storage;
    private final DirectoryCache cache;

    @Activate
    public UserDirectoryImpl(@Reference Storage storage, @Reference DirectoryCache cache) {
        this.storage = storage;
        this.cache = cache;
    }

    @Override
    public User save(UserUpdate update) {
        validate(update);
        User saved = storage.tx(em -> toUser(em, apply(em, update, true)));
        cache.reload();
        return saved;
    }

    @Override
    public ImportResult importUsers(List<UserUpdate> users, boolean keepLoginStrings) {
        users.forEach(UserDirectoryImpl::validate);
        int[] counts = new int[2];
        storage.tx(em -> {
            for (UserUpdate update : users) {
                boolean exists = loginString(em, update.loginString()) != null;
                UserEntity user = apply(em, update, keepLoginStrings);
                counts[exists ? 1 : 0]++;
                em.flush();
                em.detach(user);
            }
            return null;
        });
        cache.reload();
        return new ImportResult(counts[0], counts[1]);
    }

    @Override
    public User addLoginStrings(String findLoginString, List<String> newLoginStrings) {
        if (newLoginStrings.isEmpty() || newLoginStrings.stream().anyMatch(String::isBlank)) {
            throw new TrackException(ERROR_SAVING_USER, "newloginstring is missing or empty");
        }
        User saved = storage.tx(em -> {
            LoginStringEntity found = findLoginString == null ? null : loginString(em, findLoginString.trim());
            if (found == null) {
                throw new TrackException(ERROR_NO_USER_FOR_LOGINSTRING, "no user has the login string '" + findLoginString + "'");
            }
            for (String added : newLoginStrings) {
                addLoginString(em, found.userId, added.trim());
            }
            return toUser(em, em.find(UserEntity.class, found.userId));
        });
        cache.reload();
        return saved;
    }

    @Override
    public void deleteGroup(String name) {
        storage.tx(em -> {
            List<GroupEntity> named = groups(em, name, false);
            if (named.isEmpty()) {
                throw new TrackException("ERROR_GROUP_NOT_FOUND", "no regular group is named '" + name + "'");
            }
            if (named.size() > 1) {
                throw new TrackException("ERROR_DUPLICATE_GROUP", named.size() + " regular groups are named '" + name
                        + "'; rename all but one first");
            }
            remove(em, named.get(0));
            return null;
        });
        cache.reload();
    }

    @Override
    public void deleteGroup(long groupId) {
        storage.tx(em -> {
            remove(em, existingGroup(em, groupId));
            return null;
        });
        cache.reload();
    }

    /** Deletes a group: sub-groups move up to its parent, and nothing refers to it any more. */
    private static void remove(EntityManager em, GroupEntity group) {
        em.createQuery("UPDATE GroupEntity g SET g.parentId = :parent WHERE g.parentId = :id")
                .setParameter("parent", group.parentId).setParameter("id", group.id).executeUpdate();
        em.createQuery("UPDATE ProgramEntity p SET p.targetGroupId = NULL WHERE p.targetGroupId = :id")
                .setParameter("id", group.id).executeUpdate();
        em.createQuery("UPDATE UserEntity u SET u.securityGroupId = NULL WHERE u.securityGroupId = :id")
                .setParameter("id", group.id).executeUpdate();
        em.createQuery("DELETE FROM UserGroupEntity m WHERE m.groupId = :id").setParameter("id", group.id).executeUpdate();
        em.createQuery("DELETE FROM SecurityGroupAccessEntity a WHERE a.groupId = :id OR a.securityGroupId = :id")
                .setParameter("id", group.id).executeUpdate();
        em.remove(group);
    }

    @Override
    public Group updateGroup(long groupId, String name, Long parentId) {
        checkGroupName(name);
        Group saved = storage.tx(em -> {
            GroupEntity group = existingGroup(em, groupId);
            if (parentId != null) {
                existingGroup(em, parentId);
                if (withSubGroups(em, List.of(groupId)).contains(parentId)) {
                    throw new TrackException("ERROR_SAVING_GROUP", "group '" + group.name
                            + "' cannot be put in itself or in one of its sub-groups");
                }
            }
            group.name = name.trim();
            group.parentId = parentId;
            return toGroup(group);
        });
        cache.reload();
        return saved;
    }

    @Override
    public List<Group> groupsOf(long userId) {
        return storage.tx(em -> em.createQuery("SELECT g FROM GroupEntity g, UserGroupEntity m WHERE m.groupId = g.id"
                + " AND m.userId = :user ORDER BY g.name, g.id", GroupEntity.class).setParameter("user", userId)
                .getResultList().stream().map(UserDirectoryImpl::toGroup).toList());
    }

    @Override
    public List<User> members(long groupId) {
        return storage.tx(em -> toUsers(em, em.createQuery("SELECT u FROM UserEntity u WHERE u.deleted = FALSE"
                + " AND (u.securityGroupId = :id OR u.id IN (SELECT m.userId FROM UserGroupEntity m WHERE m.groupId = :id))"
                + " ORDER BY u.lastname, u.firstname, u.id", UserEntity.class).setParameter("id", groupId).getResultList()));
    }

    @Override
    public User updateUser(long userId, String firstname, String lastname, String email, boolean recordable) {
        for (String value : new String[] {firstname, lastname, email}) {
            if (value != null && value.trim().length() > NAME_LENGTH) {
                throw new TrackException(ERROR_SAVING_USER, "names and e-mail addresses have at most " + NAME_LENGTH
                        + " characters");
            }
        }
        return change(userId, (em, user) -> {
            user.firstname = firstname == null ? "" : firstname.trim();
            user.lastname = lastname == null ? "" : lastname.trim();
            user.email = email == null || email.isBlank() ? null : email.trim();
            user.recordable = recordable;
        });
    }

    @Override
    public User removeLoginString(long userId, String loginString) {
        return change(userId, (em, user) -> {
            LoginStringEntity login = loginString == null ? null : loginString(em, loginString.trim());
            if (login == null || login.userId != userId) {
                throw new TrackException("ERROR_LOGINSTRING_NOT_FOUND", "user " + userId + " has no login string '"
                        + loginString + "'");
            }
            long count = em.createQuery("SELECT COUNT(l) FROM LoginStringEntity l WHERE l.userId = :user", Long.class)
                    .setParameter("user", userId).getSingleResult();
            if (count == 1) {
                throw new TrackException("ERROR_LAST_LOGINSTRING", "'" + loginString
                        + "' is the user's only login string; add another one first");
            }
            em.remove(login);
        });
    }

    @Override
    public User setGroups(long userId, List<Long> groupIds) {
        return change(userId, (em, user) -> {
            for (Long groupId : groupIds) {
                GroupEntity group = em.find(GroupEntity.class, groupId);
                if (group == null || group.security) {
                    throw new TrackException("ERROR_GROUP_NOT_FOUND", "no regular group has the id " + groupId);
                }
            }
            em.createQuery("DELETE FROM UserGroupEntity m WHERE m.userId = :user").setParameter("user", userId)
                    .executeUpdate();
            for (Long groupId : new LinkedHashSet<>(groupIds)) {
                UserGroupEntity membership = new UserGroupEntity();
                membership.userId = userId;
                membership.groupId = groupId;
                em.persist(membership);
            }
            em.flush();
        });
    }

    @Override
    public User setSecurityGroup(long userId, Long securityGroupId) {
        return change(userId, (em, user) -> {
            if (securityGroupId != null) {
                GroupEntity group = em.find(GroupEntity.class, securityGroupId);
                if (group == null || !group.security) {
                    throw new TrackException("ERROR_GROUP_NOT_FOUND", "no security group has the id " + securityGroupId);
                }
            }
            user.securityGroupId = securityGroupId;
        });
    }

    @Override
    public User setDisabled(long userId, boolean disabled) {
        return change(userId, (em, user) -> {
            user.dateDisabled = disabled && !user.disabled ? Instant.now() : user.dateDisabled;
            user.disabled = disabled;
        });
    }

    @Override
    public void deleteUser(long userId) {
        change(userId, (em, user) -> {
            user.deleted = true;
            user.dateDeleted = Instant.now();
            user.admin = false;
        });
    }

    /** A change to one existing user, in a transaction, after which the directory snapshot is reloaded. */
    private User change(long userId, UserChange change) {
        User saved = storage.tx(em -> {
            UserEntity user = existing(em, userId);
            change.apply(em, user);
            return toUser(em, user);
        });
        cache.reload();
        return saved;
    }

    /** What {@link #change} does to the user. */
    private interface UserChange {
        void apply(EntityManager em, UserEntity user);
    }

    private static GroupEntity existingGroup(EntityManager em, long groupId) {
        GroupEntity group = em.find(GroupEntity.class, groupId);
        if (group == null) {
            throw new TrackException("ERROR_GROUP_NOT_FOUND", "no group has the id " + groupId);
        }
        return group;
    }

    @Override
    public Group createGroup(String name, boolean security, Long parentId) {
        checkGroupName(name);
        return storage.tx(em -> {
            if (parentId != null) {
                existingGroup(em, parentId);
            }
            return toGroup(newGroup(em, name.trim(), security, parentId));
        });
    }

    /** Names are columns of 255 characters: a longer one is refused with a message, not a database error. */
    private static void checkGroupName(String name) {
        if (name == null || name.isBlank()) {
            throw new TrackException("ERROR_SAVING_GROUP", "a group needs a name");
        }
        if (name.trim().length() > NAME_LENGTH) {
            throw new TrackException("ERROR_SAVING_GROUP", "a group's name has at most " + NAME_LENGTH + " characters");
        }
    }

    @Override
    public List<Group> groupsNamed(String name) {
        return storage.tx(em -> em.createQuery("SELECT g FROM GroupEntity g WHERE g.name = :name ORDER BY g.id", GroupEntity.class)
                .setParameter("name", name).getResultList().stream()
                .map(UserDirectoryImpl::toGroup).toList());
    }

    @Override
    public Optional<User> byLoginString(String loginString) {
        return storage.tx(em -> {
            LoginStringEntity found = loginString(em, loginString);
            return found == null ? Optional.<User>empty() : Optional.of(toUser(em, em.find(UserEntity.class, found.userId)));
        });
    }

    @Override
    public Optional<User> byId(long id) {
        return storage.tx(em -> Optional.ofNullable(em.find(UserEntity.class, id)).map(u -> toUser(em, u)));
    }

    @Override
    public List<User> users() {
        return storage.tx(em -> toUsers(em, em.createQuery("SELECT u FROM UserEntity u WHERE u.deleted = FALSE"
                + " ORDER BY u.lastname, u.firstname, u.id", UserEntity.class).getResultList()));
    }

    @Override
    public Map<Long, Integer> memberCounts() {
        return storage.tx(em -> {
            Map<Long, Integer> counts = new HashMap<>();
            for (Object[] row : em.createQuery("SELECT m.groupId, COUNT(u) FROM UserGroupEntity m, UserEntity u"
                    + " WHERE m.userId = u.id AND u.deleted = FALSE GROUP BY m.groupId", Object[].class).getResultList()) {
                counts.put((Long) row[0], ((Long) row[1]).intValue());
            }
            for (Object[] row : em.createQuery("SELECT u.securityGroupId, COUNT(u) FROM UserEntity u"
                    + " WHERE u.securityGroupId IS NOT NULL AND u.deleted = FALSE GROUP BY u.securityGroupId", Object[].class)
                    .getResultList()) {
                counts.merge((Long) row[0], ((Long) row[1]).intValue(), Integer::sum);
            }
            return counts;
        });
    }

    /**
     * Users as {@link #toUser} makes them, with their login strings and groups read in three queries for the whole
     * list rather than three per user (the administration pages list thousands).
     */
    private static List<User> toUsers(EntityManager em, List<UserEntity> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> logins = new HashMap<>();
        for (LoginStringEntity l : em.createQuery("SELECT l FROM LoginStringEntity l ORDER BY l.id", LoginStringEntity.class)
                .getResultList()) {
            logins.computeIfAbsent(l.userId, k -> new ArrayList<>()).add(l.loginString);
        }
        Map<Long, List<String>> groups = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT m.userId, g.name FROM GroupEntity g, UserGroupEntity m"
                + " WHERE m.groupId = g.id ORDER BY g.name", Object[].class).getResultList()) {
            groups.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((String) row[1]);
        }
        Map<Long, String> groupNames = new HashMap<>();
        for (GroupEntity g : em.createQuery("SELECT g FROM GroupEntity g", GroupEntity.class).getResultList()) {
            groupNames.put(g.id, g.name);
        }
        return rows.stream().map(u -> new User(u.id, u.firstname, u.lastname, u.email, u.recordable, u.externalUser,
                u.disabled, u.deleted, logins.getOrDefault(u.id, List.of()), groups.getOrDefault(u.id, List.of()),
                u.securityGroupId == null ? null : groupNames.get(u.securityGroupId), u.admin, u.password != null)).toList();
    }

    @Override
    public List<Group> groups() {
        return storage.tx(em -> em.createQuery("SELECT g FROM GroupEntity g ORDER BY g.name, g.id", GroupEntity.class)
                .getResultList().stream().map(UserDirectoryImpl::toGroup).toList());
    }

    @Override
    public void setPassword(long userId, char[] password) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new TrackException("ERROR_INVALID_PASSWORD", "a password has at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        String hash = PasswordHash.hash(password, PasswordHash.ITERATIONS);
        storage.tx(em -> {
            UserEntity user = existing(em, userId);
            user.password = hash;
            user.failedLogins = 0;
            user.lockedUntil = null;
            return null;
        });
    }

    @Override
    public LoginResult login(String loginString, char[] password) {
        Instant now = Instant.now();
        return storage.tx(em -> {
            LoginStringEntity login = loginString == null ? null : loginString(em, loginString.trim());
            UserEntity user = login == null ? null : em.find(UserEntity.class, login.userId, LockModeType.PESSIMISTIC_WRITE);
            if (user == null) {
                PasswordHash.matches(password, null);
                return new LoginResult(LoginResult.Outcome.INVALID, null, null);
            }
            if (user.lockedUntil != null && user.lockedUntil.isAfter(now)) {
                return new LoginResult(LoginResult.Outcome.LOCKED, null, user.lockedUntil);
            }
            boolean right = PasswordHash.matches(password, user.password);
            if (!right) {
                user.failedLogins++;
                if (user.failedLogins >= MAX_FAILED_LOGINS) {
                    user.failedLogins = 0;
                    user.lockedUntil = now.plus(Duration.ofMinutes(LOCK_MINUTES));
                    LOG.warn("OrkWeb login of user {} locked for {} minutes after {} wrong passwords", user.id,
                            LOCK_MINUTES, MAX_FAILED_LOGINS);
                    return new LoginResult(LoginResult.Outcome.LOCKED, null, user.lockedUntil);
                }
                return new LoginResult(LoginResult.Outcome.INVALID, null, null);
            }
            user.failedLogins = 0;
            user.lockedUntil = null;
            if (user.disabled || user.deleted) {
                return new LoginResult(LoginResult.Outcome.INVALID, null, null);
            }
            if (PasswordHash.outdated(user.password)) {
                user.password = PasswordHash.hash(password, PasswordHash.ITERATIONS);
            }
            return new LoginResult(LoginResult.Outcome.SUCCESS, toUser(em, user), null);
        });
    }

    @Override
    public void setAdmin(long userId, boolean admin) {
        storage.tx(em -> {
            existing(em, userId).admin = admin;
            return null;
        });
    }

    @Override
    public Visibility visibility(long userId) {
        return storage.tx(em -> {
            UserEntity user = em.find(UserEntity.class, userId);
            if (user == null || user.disabled || user.deleted) {
                return new Visibility(false, Set.of());
            }
            if (user.admin) {
                return Visibility.ALL;
            }
            Set<Long> users = new HashSet<>();
            users.add(user.id);
            if (user.securityGroupId != null) {
                Set<Long> groups = withSubGroups(em, em.createQuery("SELECT a.groupId FROM SecurityGroupAccessEntity a"
                        + " WHERE a.securityGroupId = :security", Long.class)
                        .setParameter("security", user.securityGroupId).getResultList());
                if (!groups.isEmpty()) {
                    users.addAll(em.createQuery("SELECT m.userId FROM UserGroupEntity m WHERE m.groupId IN :groups", Long.class)
                            .setParameter("groups", groups).getResultList());
                }
            }
            return new Visibility(false, users);
        });
    }

    /** The groups and, transitively, every group whose parent is among them. */
    private static Set<Long> withSubGroups(EntityManager em, List<Long> groups) {
        Set<Long> all = new HashSet<>(groups);
        List<Long> level = groups;
        while (!level.isEmpty()) {
            level = em.createQuery("SELECT g.id FROM GroupEntity g WHERE g.parentId IN :parents", Long.class)
                    .setParameter("parents", level).getResultList().stream().filter(all::add).toList();
        }
        return all;
    }

    @Override
    public void setVisibleGroups(long securityGroupId, List<Long> groupIds) {
        storage.tx(em -> {
            GroupEntity security = em.find(GroupEntity.class, securityGroupId);
            if (security == null || !security.security) {
                throw new TrackException("ERROR_GROUP_NOT_FOUND", "no security group has the id " + securityGroupId);
            }
            for (Long groupId : groupIds) {
                GroupEntity group = em.find(GroupEntity.class, groupId);
                if (group == null || group.security) {
                    throw new TrackException("ERROR_GROUP_NOT_FOUND", "no regular group has the id " + groupId);
                }
            }
            em.createQuery("DELETE FROM SecurityGroupAccessEntity a WHERE a.securityGroupId = :security")
                    .setParameter("security", securityGroupId).executeUpdate();
            for (Long groupId : new LinkedHashSet<>(groupIds)) {
                SecurityGroupAccessEntity access = new SecurityGroupAccessEntity();
                access.securityGroupId = securityGroupId;
                access.groupId = groupId;
                em.persist(access);
            }
            return null;
        });
    }

    @Override
    public List<Group> visibleGroups(long securityGroupId) {
        return storage.tx(em -> em.createQuery("SELECT g FROM GroupEntity g, SecurityGroupAccessEntity a"
                + " WHERE a.groupId = g.id AND a.securityGroupId = :security ORDER BY g.name", GroupEntity.class)
                .setParameter("security", securityGroupId).getResultList().stream().map(UserDirectoryImpl::toGroup).toList());
    }

    private static UserEntity existing(EntityManager em, long userId) {
        UserEntity user = em.find(UserEntity.class, userId);
        if (user == null) {
            throw new TrackException("ERROR_NO_USER_FOUND", "no user has the id " + userId);
        }
        return user;
    }

    private static Group toGroup(GroupEntity g) {
        return new Group(g.id, g.name, g.security, g.parentId);
    }

    private static void validate(UserUpdate update) {
        if (update.loginString() == null || update.loginString().isBlank()) {
            throw new TrackException(ERROR_SAVING_USER, "loginstring is missing");
        }
        boolean names = present(update.firstname()) && present(update.lastname());
        if (!names && !present(update.groupName()) && !present(update.securityGroupName())) {
            throw new TrackException(ERROR_SAVING_USER,
                    "give firstname and lastname, or a groupname or securitygroupname, with the loginstring");
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** Adds or updates the user of the update's login string, in the caller's transaction. */
    private UserEntity apply(EntityManager em, UserUpdate update, boolean keepLoginStrings) {
        String key = update.loginString().trim();
        LoginStringEntity login = loginString(em, key);
        UserEntity user;
        if (login == null) {
            user = new UserEntity();
            user.dateCreated = Instant.now();
            user.firstname = "";
            user.lastname = "";
        } else {
            user = em.find(UserEntity.class, login.userId);
        }
        if (update.firstname() != null) {
            user.firstname = update.firstname().trim();
        }
        if (update.lastname() != null) {
            user.lastname = update.lastname().trim();
        }
        if (update.email() != null) {
            user.email = update.email().trim();
        }
        if (update.recordable() != null) {
            user.recordable = update.recordable();
        }
        if (update.external() != null) {
            user.externalUser = update.external();
        }
        if (user.id == null) {
            em.persist(user);
            em.flush();
        }
        Set<String> wanted = new LinkedHashSet<>();
        wanted.add(key);
        update.extraLoginStrings().stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(wanted::add);
        if (!keepLoginStrings && login != null) {
            em.createQuery("DELETE FROM LoginStringEntity l WHERE l.userId = :user AND l.loginString NOT IN :wanted")
                    .setParameter("user", user.id).setParameter("wanted", wanted).executeUpdate();
        }
        for (String loginString : wanted) {
            addLoginString(em, user.id, loginString);
        }
        if (present(update.groupName())) {
            joinGroup(em, user, update.groupName().trim());
        }
        if (present(update.securityGroupName())) {
            List<GroupEntity> security = groups(em, update.securityGroupName().trim(), true);
            if (security.size() == 1) {
                user.securityGroupId = security.get(0).id;
            } else {
                LOG.info("User {}: security group '{}' {}; left unchanged", key, update.securityGroupName(),
                        security.isEmpty() ? "does not exist" : "is ambiguous");
            }
        }
        return user;
    }

    private static void joinGroup(EntityManager em, UserEntity user, String groupName) {
        List<GroupEntity> named = groups(em, groupName, false);
        if (named.size() > 1) {
            LOG.info("User {}: {} groups are named '{}'; group left unchanged", user.id, named.size(), groupName);
            return;
        }
        GroupEntity group = named.isEmpty() ? newGroup(em, groupName, false, null) : named.get(0);
        UserGroupEntity.Key key = new UserGroupEntity.Key();
        key.userId = user.id;
        key.groupId = group.id;
        if (em.find(UserGroupEntity.class, key) == null) {
            UserGroupEntity membership = new UserGroupEntity();
            membership.userId = user.id;
            membership.groupId = group.id;
            em.persist(membership);
        }
    }

    private static GroupEntity newGroup(EntityManager em, String name, boolean security, Long parentId) {
        GroupEntity group = new GroupEntity();
        group.name = name;
        group.security = security;
        group.parentId = parentId;
        group.dateCreated = Instant.now();
        em.persist(group);
        em.flush();
        return group;
    }

    private static void addLoginString(EntityManager em, long userId, String loginString) {
        LoginStringEntity existing = loginString(em, loginString);
        if (existing != null) {
            if (existing.userId != userId) {
                throw new TrackException("ERROR_LOGINSTRING_IN_USE", "the login string '" + loginString
                        + "' already belongs to user " + existing.userId);
            }
            return;
        }
        LoginStringEntity added = new LoginStringEntity();
        added.loginString = loginString;
        added.userId = userId;
        em.persist(added);
        em.flush();
    }

    static LoginStringEntity loginString(EntityManager em, String loginString) {
        List<LoginStringEntity> found = em.createQuery("SELECT l FROM LoginStringEntity l WHERE l.loginString = :s",
                LoginStringEntity.class).setParameter("s", loginString).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<GroupEntity> groups(EntityManager em, String name, boolean security) {
        return em.createQuery("SELECT g FROM GroupEntity g WHERE g.name = :name AND g.security = :security ORDER BY g.id",
                GroupEntity.class).setParameter("name", name).setParameter("security", security).getResultList();
    }

    static User toUser(EntityManager em, UserEntity user) {
        List<String> loginStrings = em.createQuery(
                "SELECT l.loginString FROM LoginStringEntity l WHERE l.userId = :user ORDER BY l.id", String.class)
                .setParameter("user", user.id).getResultList();
        List<String> groups = new ArrayList<>(em.createQuery("SELECT g.name FROM GroupEntity g, UserGroupEntity m"
                + " WHERE m.groupId = g.id AND m.userId = :user ORDER BY g.name", String.class)
                .setParameter("user", user.id).getResultList());
        GroupEntity security = user.securityGroupId == null ? null : em.find(GroupEntity.class, user.securityGroupId);
        return toUser(user, loginStrings, groups, security == null ? null : security.name);
    }

    private static User toUser(UserEntity user, List<String> loginStrings, List<String> groups, String securityGroup) {
        return new User(user.id, user.firstname, user.lastname, user.email, user.recordable, user.externalUser,
                user.disabled, user.deleted, loginStrings, groups, securityGroup, user.admin, user.password != null);
    }
}
