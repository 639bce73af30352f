-- API tokens for scripts: only the SHA-256 of the secret is kept, so a database leak reveals none.
-- The visible prefix lets a person tell their tokens apart without the secret.
CREATE TABLE api_token (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username     text NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    prefix       text NOT NULL CHECK (prefix ~ '^thd_[A-Za-z0-9_-]{8}$'),
    token_sha256 bytea NOT NULL UNIQUE CHECK (octet_length(token_sha256) = 32),
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX api_token_username ON api_token (username);

-- What was done, by whom, from where. The actor is text, not a reference: failed sign-ins name
-- accounts that do not exist, and the trail must outlive deleted accounts.
CREATE TABLE audit_event (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at             timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor          text NOT NULL CHECK (length(actor) BETWEEN 1 AND 100),
    client_address text CHECK (length(client_address) <= 64),
    action         text NOT NULL CHECK (action ~ '^[a-z0-9._-]{2,64}$'),
    target         text CHECK (length(target) <= 200),
    outcome        text NOT NULL CHECK (outcome IN ('SUCCESS', 'FAILURE', 'REFUSED')),
    details        text CHECK (length(details) <= 500)
);
CREATE INDEX audit_event_at ON audit_event (at);

-- Append-only for the application, like premise_event (V4): a trail that can be edited proves nothing.
CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
