CREATE TABLE "figures_revision" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"n" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "figures_revision_pending" (
	"txid" bigint PRIMARY KEY NOT NULL
);
--> statement-breakpoint
-- Added by hand from here: the one row, and the triggers that move it (src/db/schema.ts, figuresRevision).
ALTER TABLE "figures_revision" ADD CONSTRAINT "figures_revision_one_row" CHECK ("id");--> statement-breakpoint
INSERT INTO "figures_revision" DEFAULT VALUES;--> statement-breakpoint
-- The first statement of a transaction that changes a figures table leaves one pending row; the rest only
-- compare a transaction-local setting (reverted with a rolled-back savepoint, as the row is).
CREATE OR REPLACE FUNCTION kdc_figures_changed() RETURNS trigger AS $$
BEGIN
  IF current_setting('kdc.figures_changed', true) IS DISTINCT FROM txid_current()::text THEN
    PERFORM set_config('kdc.figures_changed', txid_current()::text, true);
    INSERT INTO figures_revision_pending VALUES (txid_current()) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
-- At commit (deferred), the number moves once and the pending row goes. The row of figures_revision is locked
-- only from here to the commit, after every other lock the transaction takes: writers never wait on it mid-way.
CREATE OR REPLACE FUNCTION kdc_figures_commit() RETURNS trigger AS $$
BEGIN
  UPDATE figures_revision SET n = n + 1;
  DELETE FROM figures_revision_pending WHERE txid = NEW.txid;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER figures_revision_at_commit AFTER INSERT ON figures_revision_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION kdc_figures_commit();--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOR t IN
    SELECT tablename FROM pg_tables
    WHERE schemaname = current_schema()
      AND tablename NOT IN ('sessions', 'login_attempts', 'audit_log', 'figures_revision', 'figures_revision_pending')
  LOOP
    EXECUTE format('CREATE TRIGGER figures_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION kdc_figures_changed()', t);
  END LOOP;
END $$;--> statement-breakpoint
-- The application's role (0006) gets its rights on the new tables, as in 0008.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kdc_app') AND current_user <> 'kdc_app' THEN
    GRANT SELECT, INSERT, UPDATE, DELETE ON "figures_revision", "figures_revision_pending" TO kdc_app;
  END IF;
END $$;
