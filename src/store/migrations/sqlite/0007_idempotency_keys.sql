-- Idempotency-Key (DESIGN.md §8): the outcome of a successful POST, kept under the key its caller
-- chose, so that a retry (a lost answer on a bad line, a double click on "send the emergency")
-- gets the same answer instead of doing the work twice. Written in the transaction of the work
-- itself. Kept 24 hours (docs/api-contract.md); the body may hold personal data the same user
-- already received, and is deleted with the row.
CREATE TABLE idempotency_keys (
  user_id TEXT NOT NULL REFERENCES users(id),
  key TEXT NOT NULL,
  fingerprint TEXT NOT NULL CHECK (length(fingerprint) = 64),
  status INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  headers TEXT NOT NULL,
  body BLOB NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys(created_at);
