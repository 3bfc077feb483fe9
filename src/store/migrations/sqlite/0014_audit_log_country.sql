-- The country whose log an audit event is in (issue 10; audit/audit_event.h log_country): the
-- actor's, except for a match against another country's records, which is in that country's log.
-- country_seq now numbers the events of each log.
ALTER TABLE audit_events ADD COLUMN log_country TEXT NOT NULL DEFAULT '';
UPDATE audit_events SET log_country = actor_country;
DROP INDEX audit_events_by_country_seq;
CREATE UNIQUE INDEX audit_events_by_log_country_seq ON audit_events(log_country, country_seq);
DROP INDEX audit_events_by_actor_operation;
CREATE INDEX audit_events_by_actor_operation ON audit_events(actor_user_id, operation, log_country, at);
