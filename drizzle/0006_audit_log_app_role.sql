-- Two database roles in production (docs/deployment.md): the owner, who runs these migrations and owns every
-- table, and the application's role `kdc_app`, which the server connects as. The application reads and writes
-- the data but may only read and append to the audit log: no UPDATE, DELETE or TRUNCATE, and not owning it,
-- no ALTER (it cannot drop the append-only trigger). Done only where the role exists (never on PGlite), by
-- anyone but kdc_app itself. Tables added by later migrations get the same rights through default privileges.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kdc_app') AND current_user <> 'kdc_app' THEN
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO kdc_app', current_schema());
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO kdc_app', current_schema());
    EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO kdc_app', current_schema());
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO kdc_app', current_schema());
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO kdc_app', current_schema());
    REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log FROM kdc_app;
  END IF;
END $$;
