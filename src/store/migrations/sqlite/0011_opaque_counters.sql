-- Counters that reveal no other country's volume (issue 10; store/sqlite/page_cursor.h).
--
-- cursor_key seals page cursors, which hold a seq shared by all countries' rows. The database
-- makes the key on open (libsodium's CSPRNG), so the table starts empty here.
-- audit_events.country_seq numbers each country's events 1, 2, 3 ... on their own: the number the
-- country's auditor sees. The global seq stays the event's index in the Merkle tree (DESIGN.md
-- §6). country_seq is not part of the hashed entry; the unique index keeps it one per event.
CREATE TABLE cursor_key (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  key BLOB NOT NULL CHECK (length(key) = 32)
);

ALTER TABLE audit_events ADD COLUMN country_seq INTEGER;
WITH numbered AS (
  SELECT seq, row_number() OVER (PARTITION BY actor_country ORDER BY seq) AS n FROM audit_events
)
UPDATE audit_events SET country_seq = numbered.n FROM numbered WHERE numbered.seq = audit_events.seq;
CREATE UNIQUE INDEX audit_events_by_country_seq ON audit_events(actor_country, country_seq);
