-- Eligibility and the address index are derived data, rebuilt from the network by a recompute:
-- without write-ahead logging they are written several times faster. After a crash PostgreSQL
-- empties them, and the application recomputes them at start-up (EligibilityStartup).
ALTER TABLE eligibility SET UNLOGGED;
ALTER TABLE address_index SET UNLOGGED;
