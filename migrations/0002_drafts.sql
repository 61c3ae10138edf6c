-- Drafts of forms being typed (the intake form above all), saved as the officer types so
-- that a crash or a power cut loses nothing. A draft is not a record: it is never counted,
-- never exported and not audited; saving the record deletes it in the same transaction.
CREATE TABLE drafts (
    form       TEXT PRIMARY KEY,
    content    TEXT NOT NULL CHECK (json_valid(content)),
    updated_at TEXT NOT NULL
) STRICT;
