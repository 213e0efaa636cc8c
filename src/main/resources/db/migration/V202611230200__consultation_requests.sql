-- Consultation requests (обращения, SPEC D1-D3, D11), one per telemedicine appointment.
CREATE TABLE consultation (
    id UUID PRIMARY KEY,
    appointment_id UUID NOT NULL,
    kind VARCHAR(20) NOT NULL,
    channel VARCHAR(10) NOT NULL,
    state VARCHAR(10) NOT NULL,
    patient_id UUID NOT NULL,
    patient_user_id UUID NOT NULL,
    patient_name VARCHAR(300) NOT NULL,
    -- lower case with ё as е, made in Java: LOWER() on Cyrillic depends on the server's locale
    patient_search VARCHAR(300) NOT NULL,
    doctor_id UUID NOT NULL,
    doctor_user_id UUID NOT NULL,
    doctor_name VARCHAR(300) NOT NULL,
    clinic_id UUID NOT NULL,
    service_name VARCHAR(300) NOT NULL,
    referring_doctor_id UUID,
    referring_user_id UUID,
    referring_name VARCHAR(300),
    starts_at TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at TIMESTAMP WITH TIME ZONE NOT NULL,
    starts_on DATE NOT NULL,
    -- the clinic's time zone, in which pages and the PDF show the times
    time_zone VARCHAR(60) NOT NULL,
    question VARCHAR(4000),
    anamnesis VARCHAR(4000),
    complaints VARCHAR(4000),
    opened_at TIMESTAMP WITH TIME ZONE NOT NULL,
    taken_at TIMESTAMP WITH TIME ZONE,
    closed_at TIMESTAMP WITH TIME ZONE,
    cancelled_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT consultation_appointment_unique UNIQUE (appointment_id)
);
CREATE INDEX consultation_doctor_desk ON consultation (doctor_user_id, state, starts_at);
CREATE INDEX consultation_referring_desk ON consultation (referring_user_id, state, starts_at);
CREATE INDEX consultation_patient_desk ON consultation (patient_id, state, starts_at);
CREATE INDEX consultation_patient_user_desk ON consultation (patient_user_id, state, starts_at);

-- The protocol (SPEC D7): written once, when it is sent; addenda follow.
CREATE TABLE consultation_protocol (
    consultation_id UUID PRIMARY KEY REFERENCES consultation (id),
    anamnesis VARCHAR(8000),
    recommendations VARCHAR(8000) NOT NULL,
    additional_recommendations VARCHAR(8000),
    sent_at TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_by UUID NOT NULL
);

CREATE TABLE consultation_diagnosis (
    consultation_id UUID NOT NULL REFERENCES consultation (id),
    position INTEGER NOT NULL,
    code VARCHAR(20) NOT NULL,
    name VARCHAR(1000) NOT NULL,
    PRIMARY KEY (consultation_id, position)
);

CREATE TABLE consultation_addendum (
    id UUID PRIMARY KEY,
    consultation_id UUID NOT NULL REFERENCES consultation (id),
    text VARCHAR(4000) NOT NULL,
    written_at TIMESTAMP WITH TIME ZONE NOT NULL,
    written_by UUID NOT NULL
);
CREATE INDEX consultation_addendum_of ON consultation_addendum (consultation_id, written_at);

-- Referrals issued from a consultation (SPEC D10); the usable referral itself is scheduling's.
CREATE TABLE consultation_referral (
    id UUID PRIMARY KEY,
    consultation_id UUID NOT NULL REFERENCES consultation (id),
    patient_id UUID NOT NULL,
    specialty VARCHAR(60) NOT NULL,
    doctor_id UUID,
    doctor_name VARCHAR(300),
    valid_until DATE,
    presumed_code VARCHAR(20),
    presumed_name VARCHAR(1000),
    reason VARCHAR(2000) NOT NULL,
    issued_at TIMESTAMP WITH TIME ZONE NOT NULL,
    issued_by UUID NOT NULL,
    issued_by_name VARCHAR(300)
);
CREATE INDEX consultation_referral_patient ON consultation_referral (patient_id, issued_at);
CREATE INDEX consultation_referral_of ON consultation_referral (consultation_id);

-- Files of the request and of the protocol, kept in the files module's store.
CREATE TABLE consultation_file (
    id UUID PRIMARY KEY,
    consultation_id UUID NOT NULL REFERENCES consultation (id),
    purpose VARCHAR(10) NOT NULL,
    file_id UUID NOT NULL,
    name VARCHAR(300) NOT NULL,
    media_type VARCHAR(120) NOT NULL,
    size_bytes BIGINT NOT NULL,
    added_by UUID NOT NULL,
    added_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX consultation_file_of ON consultation_file (consultation_id, purpose);
