ALTER TABLE "units" DROP COLUMN "mountainous";--> statement-breakpoint
ALTER TABLE "units" DROP COLUMN "especially_difficult";