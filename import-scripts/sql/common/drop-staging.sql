-- Run on exit when the transaction did not get as far as dropping the staging schema itself.
DROP SCHEMA IF EXISTS :"staging" CASCADE;
