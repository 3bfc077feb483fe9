-- Account administration (issue 10; docs/api-contract.md "Users").
--
-- An administrator disables an account (disabled_at: its sessions end and it cannot log in),
-- resets its password and changes its role; each change bumps version (If-Match, as for records).
-- The lock columns of 0001 went unused when throttling replaced the lock (0009): dropped.
ALTER TABLE users ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE users ADD COLUMN disabled_at TEXT;
ALTER TABLE users ADD COLUMN updated_at TEXT;
ALTER TABLE users DROP COLUMN failed_logins;
ALTER TABLE users DROP COLUMN locked_until;
