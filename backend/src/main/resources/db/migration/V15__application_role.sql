-- The server's role (placeholder app_role, default thd_app; docs/database-roles.md). Flyway runs
-- as the schema's owner (thd_owner), who keeps the source-of-truth tables; the server gets only the
-- rows it needs to read and write, no DDL, and an append-only history: INSERT and SELECT on
-- premise_event, never UPDATE, DELETE or TRUNCATE, and, not being the owner, it cannot disable the
-- V4 triggers either. The derived tables, recomputable from the others, become the server's own:
-- their refresh truncates them, drops and rebuilds their indexes and analyzes them, which only an
-- owner may do. The owner is a member of the server's role, so later migrations can still alter them.
--
-- Tables created after this one (V14, written in parallel, is covered by the grants on the owner's tables;
-- V16 and later) get the same rights through ALTER DEFAULT PRIVILEGES FOR ROLE <owner>: a
-- migration that wants less for its table revokes it there.
--
-- One-role installation (app_role = none, or the role does not exist): nothing to grant; the
-- server runs as the owner and says so at start-up.
DO $$
DECLARE
    app   text := '${app_role}';
    owner text := current_user;
    t     text;
BEGIN
    IF app = 'none' OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        RAISE NOTICE 'THD Tracker : pas de rôle applicatif distinct (%), installation à un seul rôle', app;
        RETURN;
    END IF;
    IF app = owner THEN
        RAISE NOTICE 'THD Tracker : le rôle applicatif % migre lui-même le schéma, installation à un seul rôle', app;
        RETURN;
    END IF;
    IF NOT pg_has_role(owner, app, 'MEMBER') THEN
        RAISE EXCEPTION 'THD Tracker : % doit être membre de % (GRANT % TO %;) pour lui confier les tables dérivées',
            owner, app, app, owner;
    END IF;

    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app);
    -- the owner's tables and sequences (PostGIS's own, spatial_ref_sys and its views, stay as the
    -- extension made them: readable by everyone)
    FOR t IN SELECT c.oid::regclass::text FROM pg_class c
             WHERE c.relnamespace = 'public'::regnamespace AND c.relowner = owner::regrole AND c.relkind IN ('r', 'p', 'v', 'm')
    LOOP
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO %I', t, app);
    END LOOP;
    FOR t IN SELECT c.oid::regclass::text FROM pg_class c
             WHERE c.relnamespace = 'public'::regnamespace AND c.relowner = owner::regrole AND c.relkind = 'S'
    LOOP
        EXECUTE format('GRANT USAGE, SELECT ON SEQUENCE %s TO %I', t, app);
    END LOOP;
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I',
        owner, app);
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO %I', owner, app);

    -- the history: appended to, never rewritten; premises are edited, never deleted (their history
    -- refers to them); the migrations' own record is read only
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON premise_event FROM %I', app);
    EXECUTE format('REVOKE DELETE, TRUNCATE ON premise FROM %I', app);
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON flyway_schema_history FROM %I', app);

    -- the derived tables' foreign keys are dropped and restored around their refill, by their owner
    EXECUTE format('GRANT REFERENCES ON premise, exchange, upgrade_operation, commune TO %I', app);

    -- a new owner needs CREATE on the schema at the moment of the transfer only
    EXECUTE format('GRANT CREATE ON SCHEMA public TO %I', app);
    FOREACH t IN ARRAY ARRAY['eligibility', 'address_index', 'premise_cell', 'premise_milestone'] LOOP
        EXECUTE format('ALTER TABLE %I OWNER TO %I', t, app);
    END LOOP;
    EXECUTE format('REVOKE CREATE ON SCHEMA public FROM %I', app);
END $$;
