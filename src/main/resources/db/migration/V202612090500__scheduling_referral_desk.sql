-- The doctor's referrals section (issue 23, seed 004 «Направления»): a referral issued outside a
-- consultation says why; its issuing doctor may cancel it while it is unused, and a cancelled one
-- unlocks nothing; a clinic's registry enters a paper referral from another clinic as it reads.
ALTER TABLE scheduling_referral ADD COLUMN reason VARCHAR(2000);
ALTER TABLE scheduling_referral ADD COLUMN cancelled_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE scheduling_referral ADD COLUMN cancelled_by UUID;
ALTER TABLE scheduling_referral ADD COLUMN paper_organisation VARCHAR(300);
ALTER TABLE scheduling_referral ADD COLUMN paper_number VARCHAR(60);
ALTER TABLE scheduling_referral ADD COLUMN paper_date DATE;
ALTER TABLE scheduling_referral ADD COLUMN paper_doctor VARCHAR(300);
CREATE INDEX scheduling_referral_by_issuer_idx ON scheduling_referral (issued_by, issued_at);
