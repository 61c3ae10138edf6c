-- Scanned documents and other files attached to a visit, petition or case: the bytes are
-- kept in the database, once per SHA-256, so a backup and a restore carry them byte for
-- byte and a power cut never leaves a record without its file.
CREATE TABLE attachment_blobs (
    sha256  TEXT PRIMARY KEY,
    content BLOB NOT NULL
) STRICT;
