-- Persons are searched by name through the matching index (issue 11), which finds other
-- spellings and scripts; the folded substring key the store kept for a scan is no longer read.
ALTER TABLE person_names DROP COLUMN search_key;
