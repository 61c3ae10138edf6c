-- Cases watched by the chair (theo dõi): a hot spot (điểm nóng), a risk of crowds or of
-- going over the level (nguy cơ phát sinh đông người, vượt cấp), a recommendation from the
-- supervision of the People's Council or the Fatherland Front; each with its reason and the
-- day it is to be reviewed, until taken off the list.
CREATE TABLE watch_list (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER NOT NULL REFERENCES cases (id),
    kind         TEXT NOT NULL CHECK (kind IN ('hot_spot', 'crowd_risk', 'over_level_risk', 'supervision')),
    reason       TEXT NOT NULL,
    source       TEXT,
    review_on    TEXT NOT NULL,
    ended_on     TEXT,
    ended_reason TEXT,
    created_at   TEXT NOT NULL
) STRICT;
CREATE INDEX watch_list_open ON watch_list (review_on) WHERE ended_on IS NULL;
