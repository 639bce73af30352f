-- The street alone, normalised: once the query names a commune, its streets are compared with the
-- rest of the query only.
ALTER TABLE address_index ADD COLUMN street_key text NOT NULL DEFAULT '';
