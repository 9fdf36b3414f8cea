CREATE TABLE "base_salaries" (
	"id" serial PRIMARY KEY NOT NULL,
	"valid_from" date NOT NULL,
	"amount" integer NOT NULL,
	"legal_basis" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_revocations" (
	"decision_id" integer NOT NULL,
	"recognition_id" integer NOT NULL,
	CONSTRAINT "decision_revocations_decision_id_recognition_id_pk" PRIMARY KEY("decision_id","recognition_id")
);
--> statement-breakpoint
CREATE TABLE "unit_attributes" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"code" text NOT NULL,
	"from_year" integer,
	"to_year" integer
);
--> statement-breakpoint
CREATE TABLE "unit_figures" (
	"unit_id" integer NOT NULL,
	"year" integer NOT NULL,
	"code" text NOT NULL,
	"value" integer NOT NULL,
	CONSTRAINT "unit_figures_unit_id_year_code_pk" PRIMARY KEY("unit_id","year","code")
);
--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "kind" text DEFAULT 'recognize' NOT NULL;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "program_rewards" ADD COLUMN "coefficient" double precision;--> statement-breakpoint
ALTER TABLE "recognitions" ADD COLUMN "decision_number" text;--> statement-breakpoint
ALTER TABLE "recognitions" ADD COLUMN "decision_date" date;--> statement-breakpoint
ALTER TABLE "recognitions" ADD COLUMN "decision_issuer" text;--> statement-breakpoint
ALTER TABLE "recognitions" ADD COLUMN "revoked_by_decision_id" integer;--> statement-breakpoint
CREATE UNIQUE INDEX "base_salaries_from_uq" ON "base_salaries" USING btree ("valid_from");--> statement-breakpoint
CREATE INDEX "unit_attributes_unit_idx" ON "unit_attributes" USING btree ("unit_id");