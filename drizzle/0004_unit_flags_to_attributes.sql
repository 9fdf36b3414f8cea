-- The units' "mountainous" and "especially difficult" flags become attributes
-- with no year bounds (unit_attributes), before the flags are dropped: rules now
-- test attributes per year, on the unit and every unit above it.
INSERT INTO unit_attributes (unit_id, code, from_year, to_year)
  SELECT id, 'mien-nui', NULL, NULL FROM units WHERE mountainous;
--> statement-breakpoint
INSERT INTO unit_attributes (unit_id, code, from_year, to_year)
  SELECT id, 'dac-biet-kho-khan', NULL, NULL FROM units WHERE especially_difficult;
