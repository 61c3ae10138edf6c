-- Version 5: routing facts the interchange format does not carry yet.
-- several_contents: the petition raises several matters for several bodies (hướng dẫn
-- tách đơn, Thông tư 05/2021/TT-TTCP); set at intake or while handling.
ALTER TABLE petitions ADD COLUMN several_contents INTEGER NOT NULL DEFAULT 0
    CHECK (several_contents IN (0, 1));
