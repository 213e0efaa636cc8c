-- A refused attachment can be answered once (issue 23, seed 002): the patient's answer returns the
-- request to the clinic's queue; the refusal answered is kept beside it, and a second refusal is final.
ALTER TABLE clinic_attachment ADD COLUMN appeal VARCHAR(2000);
ALTER TABLE clinic_attachment ADD COLUMN appealed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE clinic_attachment ADD COLUMN appealed_reason VARCHAR(1000);
