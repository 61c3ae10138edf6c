-- A petition's papers are read with it (its screen, the receipt, export) and replaced with
-- it (import, correction); its documents are looked up by petition or visit. Without these
-- indexes each of those reads the whole table, so an office whose every petition has
-- papers exported and imported in quadratic time.
CREATE INDEX petition_papers_petition ON petition_papers (petition_id);
CREATE INDEX documents_petition ON documents (petition_id);
CREATE INDEX documents_visit ON documents (visit_id);
