-- Version 7: the dashboard counts each officer's cases (cases.owner_id, in the schema since
-- version 1, is now set from the handling panel).
CREATE INDEX cases_owner ON cases (owner_id);
