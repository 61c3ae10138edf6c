-- A tamper-evident audit trail: each row's hash covers its content and the hash of the row
-- before, kept in a table of their own (the trail itself stays untouched). Rows written
-- before this version are chained now, in order; `tiepdan audit verify` recomputes the
-- chain and names the first row that was changed, added or removed outside the app.
CREATE TABLE audit_hashes (
    id   INTEGER PRIMARY KEY REFERENCES audit_log (id),
    hash TEXT NOT NULL
) STRICT;

CREATE TRIGGER audit_hashes_no_update BEFORE UPDATE ON audit_hashes
BEGIN
    SELECT RAISE(ABORT, 'audit_hashes is append-only');
END;

CREATE TRIGGER audit_hashes_no_delete BEFORE DELETE ON audit_hashes
BEGIN
    SELECT RAISE(ABORT, 'audit_hashes is append-only');
END;

INSERT INTO audit_hashes (id, hash)
WITH RECURSIVE chain (id, hash) AS (
    SELECT a.id, sha256_hex('' || char(10) || a.id || char(10) || a.at || char(10) || a.actor
               || char(10) || a.action || char(10) || a.entity || char(10) || a.entity_ids
               || char(10) || coalesce(a.detail, ''))
      FROM audit_log a WHERE a.id = (SELECT min(id) FROM audit_log)
    UNION ALL
    SELECT a.id, sha256_hex(chain.hash || char(10) || a.id || char(10) || a.at || char(10) || a.actor
               || char(10) || a.action || char(10) || a.entity || char(10) || a.entity_ids
               || char(10) || coalesce(a.detail, ''))
      FROM chain JOIN audit_log a ON a.id = (SELECT min(id) FROM audit_log WHERE id > chain.id)
)
SELECT id, hash FROM chain;
