-- Signed checkpoints of the audit log's Merkle tree (DESIGN.md §6, audit/checkpoint.h). Each row is
-- the tree of the first tree_size events (leaf i = event seq i + 1, hashed from its canonical
-- entry): its root, its compact-range frontier (the roots of its perfect subtrees, largest first,
-- 64 hex digits each, concatenated) so that the server resumes hashing from the latest checkpoint
-- without rereading the log, and the signed note. The note is signed with a key kept outside this
-- database, so a rewritten log cannot be given a matching checkpoint. Append-only.
CREATE TABLE audit_checkpoints (
  tree_size INTEGER PRIMARY KEY CHECK (tree_size >= 0),
  root_hash TEXT NOT NULL CHECK (length(root_hash) = 64),
  frontier TEXT NOT NULL CHECK (length(frontier) % 64 = 0),
  note TEXT NOT NULL,
  created_at TEXT NOT NULL
);
