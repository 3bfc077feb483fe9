-- The request desk (domain/request.h): letters rogatory, European orders, provider orders.
-- Queryable facts are columns; the rest of the request is a JSON document. A request is visible to
-- its issuing and executing countries. A proceeding with requests cannot be deleted.

CREATE TABLE requests (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  owner_country TEXT NOT NULL REFERENCES countries(code),
  owner_authority TEXT NOT NULL REFERENCES authorities(id),
  handling_code TEXT NOT NULL,
  created_by TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  proceeding_id TEXT NOT NULL REFERENCES proceedings(id),
  channel TEXT NOT NULL,
  issuing_country TEXT NOT NULL,
  executing_country TEXT NOT NULL,
  status TEXT NOT NULL,
  urgency TEXT NOT NULL,
  sent_at TEXT,  -- first sent/issued: from then on the executing country sees the request
  document TEXT NOT NULL
);
CREATE INDEX requests_by_issuing ON requests(issuing_country, seq);
CREATE INDEX requests_by_executing ON requests(executing_country, seq);

-- In-app notifications from the reminder scheduler. The id is the reminder's deterministic id
-- (clocks/reminder_plan.h) plus the recipient country, so a restart never sends one twice.
CREATE TABLE notifications (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  country TEXT NOT NULL REFERENCES countries(code),
  request_id TEXT NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  deadline_kind TEXT NOT NULL,
  level INTEGER NOT NULL,
  role TEXT NOT NULL,
  due_at TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX notifications_by_country ON notifications(country, seq);
