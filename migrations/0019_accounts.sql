-- Officers' accounts: a sign-in name, an argon2id password hash (PHC string) and the roles
-- the permission matrix reads. The database key itself is wrapped per account in the
-- keyring file beside the database, never stored here.
CREATE TABLE accounts (
    officer_id          INTEGER PRIMARY KEY REFERENCES officers (id),
    login               TEXT NOT NULL UNIQUE COLLATE NOCASE,
    password_hash       TEXT NOT NULL,
    roles               TEXT NOT NULL,
    active              INTEGER NOT NULL DEFAULT 1,
    created_at          TEXT NOT NULL,
    password_changed_at TEXT NOT NULL
);

-- Requests to see a denouncer's identity by an officer whose role may not, and a leader's
-- decision on them. Every view itself is a row of the audit trail.
CREATE TABLE reveal_requests (
    id            INTEGER PRIMARY KEY,
    petition_id   INTEGER NOT NULL REFERENCES petitions (id),
    requested_by  INTEGER NOT NULL REFERENCES officers (id),
    reason        TEXT NOT NULL,
    requested_at  TEXT NOT NULL,
    decided_by    INTEGER REFERENCES officers (id),
    decided_at    TEXT,
    approved      INTEGER,
    decision_note TEXT,
    -- An approval is good for one view, recorded here.
    used_at       TEXT
);
CREATE INDEX reveal_requests_open ON reveal_requests (decided_at, petition_id);
