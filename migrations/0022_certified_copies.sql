-- A copy handed in may be a certified copy (bản sao có chứng thực): the receipt says so.
ALTER TABLE petition_papers ADD COLUMN certified INTEGER NOT NULL DEFAULT 0 CHECK (certified IN (0, 1));
