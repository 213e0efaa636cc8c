package org.medkarta.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.UserId;
import org.medkarta.testing.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The patients a clinic cares for (SPEC E9, issue 15): a booking puts a patient in the clinic's
 * care, its administrator may list and export them, one audited decision per record; another
 * clinic's administrator, or a patient the clinic does not care for, gets not found.
 */
class ClinicPatientsIT extends AccessSupport {

    @Autowired
    ClinicPatients clinicPatients;

    @Test
    void aBookedPatientIsInTheClinicsCareAndItsAdministratorExportsTheRecord() {
        var clinic = clinic();
        var doctor = doctor(clinic);
        openSchedule(doctor, clinic);
        var patient = patient();
        var admin = administratorOf(clinic);
        assertThat(clinicPatients.caredForBy(clinic, patient.patient())).isFalse();
        assertThat(clinicPatients.exportable(admin, clinic)).doesNotContain(patient.patient());

        book(patient, doctor);

        assertThat(clinicPatients.caredForBy(clinic, patient.patient())).isTrue();
        assertThat(clinicPatients.exportable(admin, clinic)).contains(patient.patient());
        var decision = clinicPatients.requireExport(admin, clinic, patient.patient(), "FHIR export");
        assertThat(decision.patient()).isEqualTo(patient.patient());
        assertThat(decision.action()).isEqualTo(RecordAction.DOWNLOAD);
        assertThat(decision.relation()).isEqualTo(Relation.CLINIC);
    }

    @Test
    void anotherClinicsAdministratorAndAPatientOutsideTheCareGetNotFound() {
        var clinic = clinic();
        var doctor = doctor(clinic);
        openSchedule(doctor, clinic);
        var patient = patient();
        var outsider = patient();
        book(patient, doctor);
        var other = clinic();
        var otherAdmin = administratorOf(other);
        var admin = administratorOf(clinic);

        assertThat(clinicPatients.caredForBy(other, patient.patient())).isFalse();
        assertThat(clinicPatients.exportable(otherAdmin, other)).doesNotContain(patient.patient());
        assertThatThrownBy(() -> clinicPatients.exportable(otherAdmin, clinic)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> clinicPatients.requireExport(otherAdmin, clinic, patient.patient(), "FHIR export"))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> clinicPatients.requireExport(admin, clinic, outsider.patient(), "FHIR export"))
                .isInstanceOf(NotFound.class);
    }

    /** An administrator of the clinic as the platform invites one, whom the clinic knows as such. */
    private UserId administratorOf(ClinicId clinic) {
        return TestStaff.administrator(identity, clinics, clinic).userId();
    }

    private void book(Person patient, Doctor doctor) {
        String slot = body(getAs(
                        patient.token(),
                        "/api/v1/slots?doctorId=" + doctor.view().id().value()))
                .get(0)
                .get("id")
                .asString();
        var booked =
                postAs(patient.token(), "/api/v1/appointments", map("slotId", slot, "acceptClinicDocuments", true));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
    }
}
