-- The second factor (issue 10): each account's TOTP secret, the step of the last code accepted
-- (a code is never accepted twice), its single-use recovery codes (salted SHA-256 only), and when
-- each session last proved the factor (step-up for consent, user administration and exports).
ALTER TABLE users ADD COLUMN totp_secret TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN totp_pending_secret TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN totp_enrolled_at TEXT;
ALTER TABLE users ADD COLUMN totp_last_used_step INTEGER NOT NULL DEFAULT -1;

CREATE TABLE recovery_codes (
  user_id TEXT NOT NULL REFERENCES users(id),
  code_hash TEXT NOT NULL,
  PRIMARY KEY (user_id, code_hash)
) WITHOUT ROWID;

ALTER TABLE sessions ADD COLUMN factor_verified_at TEXT;
