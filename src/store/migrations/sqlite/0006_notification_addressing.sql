-- Why a notification names its recipients, kept with it because the roster changes afterwards:
-- 'duty' (who held the duty when it was sent), 'liaison_magistrates' (nobody was on call: every
-- liaison magistrate of the country), 'desk' (nobody named). Notifications stored before this are
-- 'desk' when they name nobody; for the others the reason was not kept ('').
ALTER TABLE notifications ADD COLUMN addressed_as TEXT NOT NULL DEFAULT '';
UPDATE notifications SET addressed_as = 'desk' WHERE recipients = '[]';
