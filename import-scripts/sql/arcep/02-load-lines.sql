-- One file of the observatory, read from psql's standard input as lines numbered from 1 (COPY in
-- CSV mode with a delimiter and a quote that no text holds: each line is one field, kept as
-- written; the quoted fields are split later, in SQL). Prints the number of lines read.
-- Variables: staging, file_key. \copy takes no variables: the schema is the script's constant.
TRUNCATE :"staging".incoming RESTART IDENTITY;
\copy arcep_staging.incoming (line) FROM pstdin WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02', NULL E'\x03')
INSERT INTO :"staging".line (file_key, line_no, line)
SELECT :'file_key', line_no, line FROM :"staging".incoming;
SELECT count(*) AS line_count FROM :"staging".incoming \gset
\echo :line_count
