CREATE TABLE "notice_comments" (
	"id" serial PRIMARY KEY NOT NULL,
	"notice_id" integer NOT NULL,
	"registration_id" integer NOT NULL,
	"body" text NOT NULL,
	"author_name" text,
	"author_phone" text,
	"sender_key" text NOT NULL,
	"challenge_id" text NOT NULL,
	"held" boolean DEFAULT false NOT NULL,
	"mark" text,
	"answer" text,
	"answered_by" integer,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_notices" (
	"id" serial PRIMARY KEY NOT NULL,
	"program_id" integer NOT NULL,
	"year" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"opened_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "notice_days" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "notice_comments_challenge_uq" ON "notice_comments" USING btree ("challenge_id");--> statement-breakpoint
CREATE INDEX "notice_comments_registration_idx" ON "notice_comments" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "notice_comments_sender_idx" ON "notice_comments" USING btree ("sender_key","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "public_notices_uq" ON "public_notices" USING btree ("program_id","year","unit_id");--> statement-breakpoint
-- Added by hand: the new tables move the figures revision like every other (0009).
CREATE TRIGGER figures_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "public_notices" FOR EACH STATEMENT EXECUTE FUNCTION kdc_figures_changed();--> statement-breakpoint
CREATE TRIGGER figures_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "notice_comments" FOR EACH STATEMENT EXECUTE FUNCTION kdc_figures_changed();--> statement-breakpoint
-- Added by hand: the application's role (0006) gets its rights on the new tables, as in 0008.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kdc_app') AND current_user <> 'kdc_app' THEN
    GRANT SELECT, INSERT, UPDATE, DELETE ON "public_notices", "notice_comments" TO kdc_app;
    GRANT USAGE, SELECT ON SEQUENCE "public_notices_id_seq", "notice_comments_id_seq" TO kdc_app;
  END IF;
END $$;
