-- The clinics whose staff registered a patient's record (SPEC C6, F4; issue 12): a patient "being
-- registered by" a clinic is in its care, so its registry may see and complete the identifiers
-- before the first booking. One row per patient and clinic.
CREATE TABLE access_clinic_registration (
    patient_id    UUID                     NOT NULL,
    clinic_id     UUID                     NOT NULL,
    registered_by UUID                     NOT NULL,
    registered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (patient_id, clinic_id)
);
