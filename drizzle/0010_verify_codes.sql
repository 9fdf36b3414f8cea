CREATE TABLE "rate_counters" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_counters_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
-- Added by hand: the verification codes' default (src/db/schema.ts VERIFY_CODE_DEFAULT), created before the columns
-- that use it. 10 characters of Crockford's alphabet (no I, L, O, U: src/core/verify/code.ts), each from the low five
-- bits of a random byte of gen_random_uuid() (built into PostgreSQL 13+ and PGlite, from the strong random source;
-- bytes 6 and 8 skipped, they carry the UUID's version and variant): 50 random bits. Unqualified, as in every earlier
-- migration, so it lives in the schema being migrated. Adding a column with a volatile default gives every existing
-- row its own value: this is the backfill.
CREATE OR REPLACE FUNCTION kdc_verify_code() RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', get_byte(r.b, p.i) % 32 + 1, 1), '' ORDER BY p.i)
  FROM (SELECT uuid_send(gen_random_uuid()) AS b) r, unnest(ARRAY[0, 1, 2, 3, 4, 5, 7, 9, 10, 11]) AS p(i)
$$;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "verify_code" text DEFAULT kdc_verify_code() NOT NULL;--> statement-breakpoint
ALTER TABLE "recognitions" ADD COLUMN "verify_code" text DEFAULT kdc_verify_code() NOT NULL;--> statement-breakpoint
CREATE INDEX "rate_counters_window_idx" ON "rate_counters" USING btree ("window_start");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_verify_code_uq" ON "decisions" USING btree ("verify_code");--> statement-breakpoint
CREATE UNIQUE INDEX "recognitions_verify_code_uq" ON "recognitions" USING btree ("verify_code");--> statement-breakpoint
-- Added by hand: the application's role (0006) gets the same rights on the new table as on the others, also when
-- these migrations run as a role other than the one whose default privileges 0006 set.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kdc_app') AND current_user <> 'kdc_app' THEN
    GRANT SELECT, INSERT, UPDATE, DELETE ON "rate_counters" TO kdc_app;
  END IF;
END $$;
-- On purpose, rate_counters gets no figures_changed trigger (0009): like sessions and login_attempts it changes on
-- every public request and no figure reads it, so counting a request must not move the figures revision.
