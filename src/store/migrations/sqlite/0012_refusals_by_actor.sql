-- Counting one account's refused accesses of the last day (service/refusal_watch.h) without
-- scanning the whole log.
CREATE INDEX audit_events_by_actor_operation ON audit_events(actor_user_id, operation, at);
