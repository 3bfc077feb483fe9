-- After an administrator resets a password, the account may do nothing but change it (issue 10):
-- the administrator knew the reset password, so it must not stay the account's.
ALTER TABLE users ADD COLUMN password_change_required INTEGER NOT NULL DEFAULT 0;
