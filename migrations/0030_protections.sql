-- Protection of a denouncer (Luật Tố cáo 2018, Chương VI): the request, the chair's
-- decision (measures and until when, or why not) and its end. The person is the
-- petition's denouncer, whose identity stays sealed; the decision naming them is a sealed
-- document.
CREATE TABLE protections (
    id             INTEGER PRIMARY KEY,
    petition_id    INTEGER NOT NULL REFERENCES petitions (id),
    requested_on   TEXT NOT NULL,
    scopes         TEXT NOT NULL CHECK (json_valid(scopes)),
    reason         TEXT NOT NULL,
    decided_on     TEXT,
    accepted       INTEGER CHECK (accepted IN (0, 1)),
    measures       TEXT,
    until          TEXT,
    decline_reason TEXT,
    document_id    INTEGER REFERENCES documents (id),
    created_at     TEXT NOT NULL
) STRICT;
CREATE INDEX protections_petition ON protections (petition_id);
