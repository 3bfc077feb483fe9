-- Request attachments (issue 4 §7) and the desk's duty roster (issue 4 §5-§6).

-- An attachment's content is kept beside its SHA-256, computed on receipt and checked again on
-- every download. Attachments are never updated; a draft's may be deleted by its issuer.
CREATE TABLE request_attachments (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  request_id TEXT NOT NULL REFERENCES requests(id),
  filename TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size INTEGER NOT NULL CHECK (size > 0),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  uploaded_by TEXT NOT NULL,
  uploaded_by_country TEXT NOT NULL REFERENCES countries(code),
  uploaded_at TEXT NOT NULL,
  content BLOB NOT NULL
);
CREATE INDEX request_attachments_by_request ON request_attachments(request_id, seq);

-- Who is on call, and who heads the office, per country. ends_at is exclusive; NULL means until
-- removed (the head of office; an on-call shift always ends).
CREATE TABLE duties (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  country TEXT NOT NULL REFERENCES countries(code),
  duty TEXT NOT NULL CHECK (duty IN ('on_call_liaison', 'head_of_office')),
  user_id TEXT NOT NULL REFERENCES users(id),
  starts_at TEXT NOT NULL,
  ends_at TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX duties_by_country ON duties(country, seq);

-- A notification addressed to named users of its country (a JSON array of user ids), such as the
-- on-call liaison for an emergency; '[]' addresses the whole desk.
ALTER TABLE notifications ADD COLUMN recipients TEXT NOT NULL DEFAULT '[]';
