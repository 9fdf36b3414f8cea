CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"unit_id" integer,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "contributions" (
	"id" serial PRIMARY KEY NOT NULL,
	"program_id" integer NOT NULL,
	"year" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"budget_amount" integer DEFAULT 0 NOT NULL,
	"people_amount" integer DEFAULT 0 NOT NULL,
	"land_m2" integer DEFAULT 0 NOT NULL,
	"workdays" integer DEFAULT 0 NOT NULL,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "criteria_sets" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"version" text NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"program_id" integer NOT NULL,
	"year" integer NOT NULL,
	"title_code" text NOT NULL,
	"number" text NOT NULL,
	"issued_on" date NOT NULL,
	"signer" text NOT NULL,
	"signer_title" text,
	"issuing_body" text NOT NULL,
	"issuing_unit_id" integer NOT NULL,
	"amends_decision_id" integer,
	"status" text NOT NULL,
	"created_by" integer,
	"issued_by" integer,
	"issued_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents_issued" (
	"id" serial PRIMARY KEY NOT NULL,
	"program_id" integer NOT NULL,
	"year" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"issuer" text NOT NULL,
	"doc_type" text NOT NULL,
	"number" text NOT NULL,
	"issued_on" date NOT NULL,
	"summary" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_files" (
	"id" serial PRIMARY KEY NOT NULL,
	"registration_id" integer NOT NULL,
	"criterion_code" text,
	"filename" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program_deadlines" (
	"id" serial PRIMARY KEY NOT NULL,
	"program_id" integer NOT NULL,
	"step" text NOT NULL,
	"label" text NOT NULL,
	"month_day" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program_rewards" (
	"program_id" integer NOT NULL,
	"title_code" text NOT NULL,
	"status" text NOT NULL,
	"amount" integer NOT NULL,
	CONSTRAINT "program_rewards_program_id_title_code_status_pk" PRIMARY KEY("program_id","title_code","status")
);
--> statement-breakpoint
CREATE TABLE "program_targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"program_id" integer NOT NULL,
	"scope" text NOT NULL,
	"year_from" integer NOT NULL,
	"year_to" integer NOT NULL,
	"title_code" text,
	"target" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program_titles" (
	"id" serial PRIMARY KEY NOT NULL,
	"program_id" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"rank" integer NOT NULL,
	"level_code" text NOT NULL,
	"chain" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program_years" (
	"program_id" integer NOT NULL,
	"year" integer NOT NULL,
	"criteria_set_id" integer NOT NULL,
	CONSTRAINT "program_years_program_id_year_pk" PRIMARY KEY("program_id","year")
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"owner_unit_id" integer NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recognitions" (
	"id" serial PRIMARY KEY NOT NULL,
	"program_id" integer NOT NULL,
	"year" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"title_code" text NOT NULL,
	"decision_id" integer,
	"registration_id" integer,
	"status" text NOT NULL,
	"reward_amount" integer DEFAULT 0 NOT NULL,
	"source" text NOT NULL,
	"revoked" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recusals" (
	"registration_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recusals_registration_id_user_id_pk" PRIMARY KEY("registration_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" serial PRIMARY KEY NOT NULL,
	"program_id" integer NOT NULL,
	"year" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"title_code" text,
	"self_management_contents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text NOT NULL,
	"council_recommended" boolean,
	"council_reason" text,
	"locked" boolean DEFAULT false NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rewards_paid" (
	"id" serial PRIMARY KEY NOT NULL,
	"recognition_id" integer NOT NULL,
	"amount" integer NOT NULL,
	"paid_on" date NOT NULL,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scorecard_values" (
	"registration_id" integer NOT NULL,
	"criterion_code" text NOT NULL,
	"self_value" jsonb,
	"board_value" jsonb,
	"note" text,
	"board_reason" text,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scorecard_values_registration_id_criterion_code_pk" PRIMARY KEY("registration_id","criterion_code")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"csrf_token" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"effective_date" date NOT NULL,
	"legal_basis" text,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_lineage" (
	"event_id" integer NOT NULL,
	"from_unit_id" integer NOT NULL,
	"to_unit_id" integer NOT NULL,
	CONSTRAINT "unit_lineage_event_id_from_unit_id_to_unit_id_pk" PRIMARY KEY("event_id","from_unit_id","to_unit_id")
);
--> statement-breakpoint
CREATE TABLE "unit_parents" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"parent_id" integer,
	"valid_from" date,
	"valid_to" date
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_folded" text NOT NULL,
	"kind" text NOT NULL,
	"parent_id" integer,
	"path" text NOT NULL,
	"depth" integer NOT NULL,
	"households" integer,
	"population" integer,
	"poor_households" integer,
	"mountainous" boolean DEFAULT false NOT NULL,
	"especially_difficult" boolean DEFAULT false NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_roles" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"role" text NOT NULL,
	"unit_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"home_unit_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "verdicts" (
	"registration_id" integer NOT NULL,
	"stage" text NOT NULL,
	"criteria_set_id" integer NOT NULL,
	"recognized" boolean NOT NULL,
	"level_code" text,
	"failed_criteria" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "verdicts_registration_id_stage_pk" PRIMARY KEY("registration_id","stage")
);
--> statement-breakpoint
CREATE TABLE "workflow_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"registration_id" integer NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text,
	"actor_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_unit_idx" ON "audit_log" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "contributions_year_idx" ON "contributions" USING btree ("program_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "criteria_sets_code_version_uq" ON "criteria_sets" USING btree ("code","version");--> statement-breakpoint
CREATE INDEX "decisions_program_year_idx" ON "decisions" USING btree ("program_id","year");--> statement-breakpoint
CREATE INDEX "documents_issued_year_idx" ON "documents_issued" USING btree ("program_id","year");--> statement-breakpoint
CREATE INDEX "evidence_reg_idx" ON "evidence_files" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "login_attempts_key_idx" ON "login_attempts" USING btree ("key","at");--> statement-breakpoint
CREATE INDEX "program_targets_program_idx" ON "program_targets" USING btree ("program_id");--> statement-breakpoint
CREATE UNIQUE INDEX "program_titles_uq" ON "program_titles" USING btree ("program_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "programs_code_uq" ON "programs" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "recognitions_uq" ON "recognitions" USING btree ("program_id","year","unit_id","title_code");--> statement-breakpoint
CREATE INDEX "recognitions_year_idx" ON "recognitions" USING btree ("program_id","year");--> statement-breakpoint
CREATE INDEX "recognitions_decision_idx" ON "recognitions" USING btree ("decision_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_uq" ON "registrations" USING btree ("program_id","year","unit_id");--> statement-breakpoint
CREATE INDEX "registrations_year_idx" ON "registrations" USING btree ("program_id","year");--> statement-breakpoint
CREATE INDEX "unit_lineage_to_idx" ON "unit_lineage" USING btree ("to_unit_id");--> statement-breakpoint
CREATE INDEX "unit_lineage_from_idx" ON "unit_lineage" USING btree ("from_unit_id");--> statement-breakpoint
CREATE INDEX "unit_parents_unit_idx" ON "unit_parents" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "units_code_uq" ON "units" USING btree ("code");--> statement-breakpoint
CREATE INDEX "units_parent_idx" ON "units" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "units_path_idx" ON "units" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "user_roles_user_idx" ON "user_roles" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_uq" ON "users" USING btree ("username");--> statement-breakpoint
CREATE INDEX "workflow_events_reg_idx" ON "workflow_events" USING btree ("registration_id");