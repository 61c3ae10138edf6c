-- Version 23: a submitted report keeps the audit chain's head at the moment it was submitted
-- (`N:HASH`), the anchor `tiepdan audit verify --head` checks the trail against.
ALTER TABLE submitted_reports ADD COLUMN audit_head TEXT NOT NULL DEFAULT '';
