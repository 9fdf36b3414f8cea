ALTER TABLE "programs" ADD COLUMN "issuing_body" text;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "signer_name" text;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "signer_title" text;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "certificate_wording" text;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "allow_same_assessor" boolean DEFAULT false NOT NULL;