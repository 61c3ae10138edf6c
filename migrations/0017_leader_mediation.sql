-- Each case's responsible leader (lãnh đạo phụ trách) beside its responsible officer, and
-- grassroots mediation (hòa giải ở cơ sở) recorded on a petition with its outcome.
ALTER TABLE cases ADD COLUMN leader_id INTEGER REFERENCES officers (id);

CREATE TABLE mediations (
    id          INTEGER PRIMARY KEY,
    petition_id INTEGER NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
    on_date     TEXT NOT NULL,
    mediator    TEXT NOT NULL,
    outcome     TEXT NOT NULL CHECK (outcome IN ('success', 'partial', 'failure')),
    content     TEXT NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX mediations_petition ON mediations (petition_id);
