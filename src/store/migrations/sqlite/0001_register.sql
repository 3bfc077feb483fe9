-- The foundation schema: reference data, accounts, sessions, the register and the audit log.
-- Portable SQL (TEXT, INTEGER); times are RFC 3339 UTC text; lists of codes are JSON arrays.

CREATE TABLE countries (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL
);

CREATE TABLE authorities (
  id TEXT PRIMARY KEY,
  country TEXT NOT NULL REFERENCES countries(code),
  name TEXT NOT NULL
);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  country TEXT NOT NULL REFERENCES countries(code),
  authority_id TEXT NOT NULL REFERENCES authorities(id),
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE proceedings (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  owner_country TEXT NOT NULL REFERENCES countries(code),
  owner_authority TEXT NOT NULL REFERENCES authorities(id),
  handling_code TEXT NOT NULL,
  created_by TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  national_reference TEXT NOT NULL,
  stage TEXT NOT NULL,
  date_referred TEXT,
  legal_article TEXT NOT NULL,
  legal_text TEXT NOT NULL,
  offence_classes TEXT NOT NULL,
  terrorism_type TEXT NOT NULL,
  group_affiliations TEXT NOT NULL,
  crime_nexus TEXT NOT NULL,
  summary_lang TEXT NOT NULL,
  summary_text TEXT NOT NULL,
  sharing_derogation TEXT NOT NULL
);
CREATE INDEX proceedings_by_country ON proceedings(owner_country, seq);

CREATE TABLE persons (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  owner_country TEXT NOT NULL REFERENCES countries(code),
  owner_authority TEXT NOT NULL REFERENCES authorities(id),
  handling_code TEXT NOT NULL,
  created_by TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  birth_date TEXT,
  birth_place TEXT NOT NULL,
  sex TEXT NOT NULL,
  nationalities TEXT NOT NULL
);
CREATE INDEX persons_by_country ON persons(owner_country, seq);

CREATE TABLE person_names (
  person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  full_name TEXT NOT NULL,
  script TEXT NOT NULL,
  kind TEXT NOT NULL,
  given TEXT NOT NULL,
  family TEXT NOT NULL,
  patronymic TEXT NOT NULL,
  tribal TEXT NOT NULL,
  lang TEXT NOT NULL,
  search_key TEXT NOT NULL,
  PRIMARY KEY (person_id, position)
);

CREATE TABLE person_documents (
  person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  type TEXT NOT NULL,
  number TEXT NOT NULL,
  issuing_country TEXT NOT NULL,
  PRIMARY KEY (person_id, position)
);

CREATE TABLE person_identifiers (
  person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  type TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (person_id, position)
);

CREATE TABLE involvements (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  owner_country TEXT NOT NULL REFERENCES countries(code),
  owner_authority TEXT NOT NULL REFERENCES authorities(id),
  handling_code TEXT NOT NULL,
  created_by TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  proceeding_id TEXT NOT NULL REFERENCES proceedings(id) ON DELETE CASCADE,
  person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  UNIQUE (proceeding_id, person_id, role)
);
CREATE INDEX involvements_by_person ON involvements(person_id);

-- Append-only, hash-chained (audit/audit_event.h). seq has no gaps: it is assigned as max + 1.
CREATE TABLE audit_events (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_user_id TEXT NOT NULL,
  actor_country TEXT NOT NULL,
  actor_authority TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  operation TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id TEXT NOT NULL,
  purpose TEXT NOT NULL,
  case_reference TEXT NOT NULL,
  outcome TEXT NOT NULL,
  client_address TEXT NOT NULL,
  request_id TEXT NOT NULL,
  detail_hash TEXT NOT NULL,
  recipients TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_events_by_country ON audit_events(actor_country, seq);
