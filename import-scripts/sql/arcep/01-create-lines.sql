-- The observatory's files are loaded as their lines, numbered as in the file, before any parsing:
-- line (every file), incoming (one file at a time, 02-load-lines.sql). Variable: staging.
CREATE TABLE :"staging".incoming (line_no bigint GENERATED ALWAYS AS IDENTITY, line text);
CREATE TABLE :"staging".line (file_key text NOT NULL, line_no bigint NOT NULL, line text NOT NULL,
                              PRIMARY KEY (file_key, line_no));
