-- A visit recorded twice is voided, never deleted: the row stays, marked with when and why,
-- and every register, report, deadline and search leaves it out.
ALTER TABLE visits ADD COLUMN voided_at TEXT;
ALTER TABLE visits ADD COLUMN void_reason TEXT;
ALTER TABLE petitions ADD COLUMN voided_at TEXT;
ALTER TABLE petitions ADD COLUMN void_reason TEXT;
