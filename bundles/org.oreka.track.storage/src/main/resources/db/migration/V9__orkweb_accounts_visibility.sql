-- OrkWeb accounts and what each user may see.
-- An administrator of OrkWeb sees every recording and manages users, groups, programs and tags.
ALTER TABLE orkuser ADD COLUMN admin BOOLEAN DEFAULT FALSE NOT NULL;
-- Login throttling: failed passwords in a row, and the end of the lock they led to (null: not locked).
ALTER TABLE orkuser ADD COLUMN failedLogins INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE orkuser ADD COLUMN lockedUntil TIMESTAMP;

-- The regular groups (with their sub-groups) whose members' recordings a security group's members may see.
CREATE TABLE orksecuritygroupaccess (
    securityGroup_id BIGINT NOT NULL,
    group_id BIGINT NOT NULL,
    PRIMARY KEY (securityGroup_id, group_id),
    CONSTRAINT orksecuritygroupaccess_security_fk FOREIGN KEY (securityGroup_id) REFERENCES orkgroup (id) ON DELETE CASCADE,
    CONSTRAINT orksecuritygroupaccess_group_fk FOREIGN KEY (group_id) REFERENCES orkgroup (id) ON DELETE CASCADE
);

-- OrkWeb's playback URL names a recording by its file (/orkweb/stream/<filename>); each request (a browser
-- seeking sends many) finds the file's segments to check who may hear it.
CREATE INDEX orktape_filename ON orktape (filename);
