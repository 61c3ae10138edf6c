-- Reception days (lịch tiếp công dân định kỳ): how many citizens a plan's session takes,
-- the sessions stored once touched (a planned day booked, moved or cancelled; one-off and
-- ad hoc sessions), and the citizens booked into them.
ALTER TABLE reception_plans ADD COLUMN capacity INTEGER NOT NULL DEFAULT 20
    CHECK (capacity BETWEEN 1 AND 500);

CREATE TABLE reception_sessions (
    id          INTEGER PRIMARY KEY,
    plan_id     INTEGER REFERENCES reception_plans (id),
    planned_on  TEXT,
    on_date     TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('planned', 'one_off', 'ad_hoc')),
    host        TEXT NOT NULL CHECK (host IN ('chair', 'party_secretary', 'vice_chair')),
    host_name   TEXT NOT NULL,
    place       TEXT NOT NULL,
    start_time  TEXT NOT NULL,
    end_time    TEXT NOT NULL,
    capacity    INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 500),
    cancelled   TEXT,
    created_at  TEXT NOT NULL,
    UNIQUE (plan_id, planned_on),
    CHECK ((plan_id IS NULL) = (planned_on IS NULL)),
    CHECK ((kind = 'planned') = (plan_id IS NOT NULL))
) STRICT;
CREATE INDEX reception_sessions_on ON reception_sessions (on_date);

CREATE TABLE bookings (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES reception_sessions (id),
    citizen_id  INTEGER NOT NULL REFERENCES citizens (id),
    case_id     INTEGER REFERENCES cases (id),
    people      INTEGER NOT NULL DEFAULT 1 CHECK (people >= 1),
    note        TEXT,
    created_at  TEXT NOT NULL,
    UNIQUE (session_id, citizen_id)
) STRICT;
CREATE INDEX bookings_session ON bookings (session_id);
CREATE INDEX bookings_citizen ON bookings (citizen_id);
