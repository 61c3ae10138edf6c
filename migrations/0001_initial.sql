-- TiếpDân schema, version 1.
-- Conventions: dates are ISO 'YYYY-MM-DD', times 'YYYY-MM-DDTHH:MM:SS' (Vietnam local
-- time); text is NFC; *_fold columns hold text::fold() of their source for search;
-- booleans are 0/1; `ref` is the identity from an interchange file (NULL when the record
-- was typed in the app).

-- The office this installation works for (one row).
CREATE TABLE office (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    name            TEXT NOT NULL,
    parent          TEXT NOT NULL,
    place           TEXT NOT NULL,
    province        TEXT NOT NULL,
    commune_code    TEXT CHECK (commune_code IS NULL OR length(commune_code) = 5),
    remote_area     INTEGER NOT NULL DEFAULT 0 CHECK (remote_area IN (0, 1)),
    chair           TEXT NOT NULL,
    party_secretary TEXT,
    updated_at      TEXT NOT NULL
) STRICT;

-- Settings with defaults in code; a row exists only when changed.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- Officers (cán bộ) and their role; passwords arrive with the trust issue.
CREATE TABLE officers (
    id            INTEGER PRIMARY KEY,
    username      TEXT UNIQUE,
    full_name     TEXT NOT NULL,
    title         TEXT,
    role          TEXT NOT NULL CHECK (role IN ('reception', 'handler', 'leader', 'admin')),
    password_hash TEXT,
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at    TEXT NOT NULL
) STRICT;

-- Bodies petitions are transferred to or forwarded from (Danh mục cơ quan).
CREATE TABLE agencies (
    id         INTEGER PRIMARY KEY,
    ref        TEXT UNIQUE,
    name       TEXT NOT NULL,
    name_fold  TEXT NOT NULL,
    role       TEXT NOT NULL,
    address    TEXT,
    created_at TEXT NOT NULL
) STRICT;

-- Citizens (công dân). denouncer_only: known to the office only as a denouncer, so left
-- out of redacted exports.
CREATE TABLE citizens (
    id             INTEGER PRIMARY KEY,
    ref            TEXT UNIQUE,
    full_name      TEXT NOT NULL,
    name_fold      TEXT NOT NULL,
    id_kind        TEXT NOT NULL CHECK (id_kind IN ('cccd', 'cmnd', 'passport', 'other', 'none')),
    id_number      TEXT,
    id_issued_on   TEXT,
    id_issued_by   TEXT,
    birth_year     INTEGER,
    gender         TEXT CHECK (gender IS NULL OR gender IN ('male', 'female')),
    address        TEXT NOT NULL DEFAULT '',
    address_fold   TEXT NOT NULL DEFAULT '',
    phone          TEXT,
    denouncer_only INTEGER NOT NULL DEFAULT 0 CHECK (denouncer_only IN (0, 1)),
    created_at     TEXT NOT NULL
) STRICT;
CREATE INDEX citizens_id_number ON citizens (id_number);
CREATE INDEX citizens_name_fold ON citizens (name_fold);

-- Cases (vụ việc): the visits and petitions about one matter.
CREATE TABLE cases (
    id          INTEGER PRIMARY KEY,
    ref         TEXT UNIQUE,
    title       TEXT NOT NULL DEFAULT '',
    opened_on   TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    owner_id    INTEGER REFERENCES officers (id),
    created_at  TEXT NOT NULL
) STRICT;

-- Visits (lượt tiếp).
CREATE TABLE visits (
    id          INTEGER PRIMARY KEY,
    ref         TEXT UNIQUE,
    case_id     INTEGER REFERENCES cases (id),
    at          TEXT NOT NULL,
    reception   TEXT NOT NULL CHECK (reception IN ('regular', 'periodic', 'ad_hoc')),
    received_by TEXT NOT NULL CHECK (received_by IN ('head', 'delegate', 'officer')),
    officer_id  INTEGER REFERENCES officers (id),
    people      INTEGER NOT NULL CHECK (people >= 1),
    repeat      INTEGER NOT NULL DEFAULT 0 CHECK (repeat IN (0, 1)),
    summary     TEXT NOT NULL DEFAULT '',
    outcome     TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX visits_at ON visits (at);

CREATE TABLE visit_citizens (
    visit_id       INTEGER NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
    citizen_id     INTEGER NOT NULL REFERENCES citizens (id),
    position       INTEGER NOT NULL,
    representative INTEGER NOT NULL DEFAULT 0 CHECK (representative IN (0, 1)),
    PRIMARY KEY (visit_id, citizen_id)
) STRICT;

-- Petitions (đơn).
CREATE TABLE petitions (
    id                 INTEGER PRIMARY KEY,
    ref                TEXT UNIQUE,
    case_id            INTEGER REFERENCES cases (id),
    visit_id           INTEGER REFERENCES visits (id),
    received_on        TEXT NOT NULL,
    channel            TEXT NOT NULL CHECK (channel IN ('in_person', 'post', 'box', 'forwarded', 'online')),
    forwarded_by       INTEGER REFERENCES agencies (id),
    forwarded_doc      TEXT,
    kind               TEXT NOT NULL CHECK (kind IN ('complaint', 'denunciation', 'recommendation', 'feedback')),
    field              TEXT NOT NULL CHECK (field IN ('policy', 'land', 'civil_service', 'corruption', 'judicial', 'party', 'other_admin', 'other')),
    anonymous          INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1)),
    signatories        INTEGER NOT NULL DEFAULT 1 CHECK (signatories >= 0),
    respondent_role    TEXT,
    respondent_name    TEXT,
    instance           INTEGER CHECK (instance IS NULL OR instance IN (1, 2)),
    contested_on       TEXT,
    complex            INTEGER NOT NULL DEFAULT 0 CHECK (complex IN (0, 1)),
    specific           INTEGER NOT NULL DEFAULT 0 CHECK (specific IN (0, 1)),
    court_accepted     INTEGER NOT NULL DEFAULT 0 CHECK (court_accepted IN (0, 1)),
    second_instance_on TEXT,
    summary            TEXT NOT NULL DEFAULT '',
    summary_fold       TEXT NOT NULL DEFAULT '',
    created_at         TEXT NOT NULL
) STRICT;
CREATE INDEX petitions_received_on ON petitions (received_on);

-- Who made a petition. For denunciations this link is confidential.
CREATE TABLE petition_citizens (
    petition_id INTEGER NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
    citizen_id  INTEGER NOT NULL REFERENCES citizens (id),
    position    INTEGER NOT NULL,
    PRIMARY KEY (petition_id, citizen_id)
) STRICT;

-- Papers received with a petition (listed on the receipt).
CREATE TABLE petition_papers (
    id          INTEGER PRIMARY KEY,
    petition_id INTEGER NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
    title       TEXT NOT NULL,
    original    INTEGER NOT NULL DEFAULT 0 CHECK (original IN (0, 1)),
    pages       INTEGER CHECK (pages IS NULL OR pages >= 0)
) STRICT;

-- What happened to a petition; deadlines are computed from these, never stored alone.
CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    petition_id INTEGER NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
    on_date     TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('handled', 'accepted', 'extended', 'paused', 'resumed',
                    'dialogue', 'resolved', 'terminated', 'withdrawn', 'enforced', 'reply_received')),
    action      TEXT CHECK (action IS NULL OR action IN ('accept', 'decline', 'transfer', 'guide', 'return', 'file', 'remind')),
    to_agency   INTEGER REFERENCES agencies (id),
    days        INTEGER,
    decision    TEXT,
    result      TEXT CHECK (result IS NULL OR result IN ('right', 'wrong', 'partly_right')),
    reason      TEXT,
    partial     INTEGER CHECK (partial IS NULL OR partial IN (0, 1)),
    results     TEXT CHECK (results IS NULL OR json_valid(results)),
    note        TEXT,
    officer_id  INTEGER REFERENCES officers (id),
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX events_petition ON events (petition_id, on_date);

-- Documents issued (giấy biên nhận, phiếu chuyển đơn, …): numbered in the office's yearly
-- register and kept byte for byte so a reprint is identical.
CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    form          TEXT NOT NULL,
    register_year INTEGER NOT NULL,
    number        INTEGER NOT NULL CHECK (number >= 1),
    number_label  TEXT NOT NULL,
    issued_on     TEXT NOT NULL,
    case_id       INTEGER REFERENCES cases (id),
    petition_id   INTEGER REFERENCES petitions (id),
    visit_id      INTEGER REFERENCES visits (id),
    content_hash  TEXT NOT NULL,
    content       BLOB NOT NULL,
    created_at    TEXT NOT NULL,
    UNIQUE (register_year, number)
) STRICT;

-- Scanned papers and other files, stored in the data directory by hash.
CREATE TABLE attachments (
    id          INTEGER PRIMARY KEY,
    owner_type  TEXT NOT NULL CHECK (owner_type IN ('case', 'petition', 'visit')),
    owner_id    INTEGER NOT NULL,
    file_name   TEXT NOT NULL,
    media_type  TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    size_bytes  INTEGER NOT NULL CHECK (size_bytes >= 0),
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX attachments_owner ON attachments (owner_type, owner_id);

-- Verified backups taken of this database.
CREATE TABLE backups (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    path       TEXT NOT NULL,
    reason     TEXT NOT NULL,
    size_bytes INTEGER NOT NULL
) STRICT;

-- Audit trail: one row per write use case, in the same transaction as the change.
CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    entity     TEXT NOT NULL,
    entity_ids TEXT NOT NULL CHECK (json_valid(entity_ids)),
    detail     TEXT CHECK (detail IS NULL OR json_valid(detail))
) STRICT;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
