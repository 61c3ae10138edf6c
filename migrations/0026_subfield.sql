-- The sub-field (lĩnh vực chi tiết) the officer names for a petition: môi trường, giải
-- phóng mặt bằng… finer than the report's fields, for the dashboard's hot spots and the
-- registers' filters. Free text, suggestions in the window.
ALTER TABLE petitions ADD COLUMN subfield TEXT;
