-- Version 24: the denouncer key (Luật Tố cáo 2018 Điều 47–48). Denouncer identities, the
-- documents naming them and a denunciation's scans are sealed (X25519 sealed boxes) to the
-- office's denouncer key: anyone at the desk can seal, only a handler or leader holding a
-- grant can open. The database key alone (every account's password opens it) reads none
-- of them.

-- The office's denouncer key: its public half, and — only until a handler or leader first
-- signs in — its secret half in the clear (`bootstrap`), after which the key is rotated
-- and every grant is sealed to an account.
CREATE TABLE denouncer_key (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    public     BLOB NOT NULL,
    bootstrap  BLOB,
    created_at TEXT NOT NULL,
    -- When a handler or leader last wrote down the key's recovery code (for the sealed
    -- envelope with the recovery key): with it, an administrator grants the key again
    -- should every holder lose their password.
    recovery_saved_at TEXT
) STRICT;

-- The denouncer key's secret half sealed to an account's public key (the account's secret
-- half is wrapped by its password in the keyring, beside the database).
CREATE TABLE denouncer_key_grants (
    officer_id INTEGER PRIMARY KEY REFERENCES accounts (officer_id),
    sealed     BLOB NOT NULL,
    granted_at TEXT NOT NULL
) STRICT;

-- Each account's public key (its secret half is in its keyring slot).
ALTER TABLE accounts ADD COLUMN public_key BLOB;

-- A citizen known only as a denouncer: the identity sealed here; the plain columns hold
-- placeholders.
ALTER TABLE citizens ADD COLUMN sealed BLOB;

-- A document naming a denouncer: its content is sealed (content_hash stays the hash of
-- the plain PDF, checked after opening).
ALTER TABLE documents ADD COLUMN sealed INTEGER NOT NULL DEFAULT 0 CHECK (sealed IN (0, 1));

-- A denunciation's scan: its file name sealed here (the plain column holds a placeholder)
-- and its bytes stored sealed under the key 'sealed:' || id.
ALTER TABLE attachments ADD COLUMN sealed BLOB;

-- A reveal approved for an officer without the right: the leader's session seals the
-- identities to the requester's public key, opened once by the requester.
ALTER TABLE reveal_requests ADD COLUMN parcel BLOB;
