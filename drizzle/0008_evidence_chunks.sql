CREATE TABLE "evidence_chunks" (
	"evidence_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "evidence_chunks_evidence_id_seq_pk" PRIMARY KEY("evidence_id","seq")
);
--> statement-breakpoint
-- Generated with "public"."evidence_files": unqualified here, as in every earlier migration, so the table is the one
-- of the schema being migrated (the tests migrate a schema of their own).
ALTER TABLE "evidence_chunks" ADD CONSTRAINT "evidence_chunks_evidence_id_evidence_files_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "evidence_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Added by hand: the files already kept move into pieces of 262,144 bytes (256 KB) before their column goes.
INSERT INTO "evidence_chunks" ("evidence_id", "seq", "data")
SELECT f."id", s.seq, substring(f."content" FROM s.seq * 262144 + 1 FOR 262144)
FROM "evidence_files" f, generate_series(0, ceil(length(f."content") / 262144.0)::int - 1) AS s(seq);--> statement-breakpoint
-- Added by hand: the application's role (0006) gets the same rights on the new table as on the others, also when
-- these migrations run as a role other than the one whose default privileges 0006 set.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kdc_app') AND current_user <> 'kdc_app' THEN
    GRANT SELECT, INSERT, UPDATE, DELETE ON "evidence_chunks" TO kdc_app;
  END IF;
END $$;--> statement-breakpoint
ALTER TABLE "evidence_files" DROP COLUMN "content";
