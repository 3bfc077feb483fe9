-- Possible same-person links between two countries' records (domain/link.h). One row per pair,
-- left_person_id < right_person_id. A person's deletion removes its links.

CREATE TABLE links (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  left_person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  left_country TEXT NOT NULL REFERENCES countries(code),
  left_authority TEXT NOT NULL REFERENCES authorities(id),
  left_person_version INTEGER NOT NULL,
  left_consented INTEGER NOT NULL DEFAULT 0,
  right_person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  right_country TEXT NOT NULL REFERENCES countries(code),
  right_authority TEXT NOT NULL REFERENCES authorities(id),
  right_person_version INTEGER NOT NULL,
  right_consented INTEGER NOT NULL DEFAULT 0,
  probability REAL NOT NULL,
  decision TEXT NOT NULL,
  explanation TEXT NOT NULL,
  status TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (left_person_id, right_person_id)
);
CREATE INDEX links_by_left_country ON links(left_country, seq);
CREATE INDEX links_by_right_country ON links(right_country, seq);
CREATE INDEX links_by_right_person ON links(right_person_id);
