CREATE TABLE "decision_registrations" (
	"decision_id" integer NOT NULL,
	"registration_id" integer NOT NULL,
	CONSTRAINT "decision_registrations_decision_id_registration_id_pk" PRIMARY KEY("decision_id","registration_id")
);
