-- Accounts hardening (DESIGN.md §5; docs/api-contract.md "Logging in").
--
-- Login throttling replaces the account lock: failed logins slow down further attempts, counted
-- per (username as typed, client address), per client address and per username. The key is a
-- SHA-256 (auth/login_throttle.h): no typed username, which may be a password typed in the wrong
-- field, is kept. Rows older than the throttle window are deleted as logins go by. The old
-- users.failed_logins and users.locked_until columns are no longer used.
CREATE TABLE login_throttle (
  key TEXT PRIMARY KEY CHECK (length(key) = 64),
  failures INTEGER NOT NULL,
  last_failure_at TEXT NOT NULL
);
CREATE INDEX login_throttle_by_age ON login_throttle(last_failure_at);
