package org.medkarta.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.access.RecordAction;
import org.medkarta.shared.NotFound;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestClinics;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Other modules' visit protocols in the record: a home visit's protocol is filed as an exam
 * protocol authored by the visiting doctor, once per visit, on a decision that the doctor writes in
 * the record; a doctor without a care relationship gets no such decision.
 */
class VisitProtocolsIT extends RecordSupport {

    @Autowired
    VisitProtocols visitProtocols;

    @Autowired
    RecordReading recordReading;

    @Test
    void aHomeVisitsProtocolEntersTheRecordOnceAsTheVisitingDoctorsExamProtocol() {
        var patient = patient();
        var doctor = TestCare.doctor(
                clinics, TestClinics.register(clinics, "Клиника на дому").id());
        TestCare.openSchedule(scheduleTemplates, doctor.id());
        TestCare.appointment(slotSearch, booking, patient.user(), doctor.id());
        var write = access.require(TestCare.signedIn(doctor), patient.patientId(), RecordAction.WRITE);
        UUID visit = UUID.randomUUID();
        var protocol = new VisitProtocols.VisitProtocol("Кашель", "Дыхание везикулярное", "ОРВИ", "Обильное питьё");

        UUID entry = visitProtocols.fileHomeVisit(write, visit, doctor.id(), LocalDate.now(clock), protocol);

        assertThat(entry).isNotNull();
        var read = recordReading.entry(
                access.require(TestCare.signedIn(doctor), patient.patientId(), RecordAction.VIEW), entry);
        assertThat(read.type()).isEqualTo(EntryType.EXAM_PROTOCOL);
        assertThat(read.fields())
                .containsEntry("conclusion", "ОРВИ")
                .containsEntry("examination", "Дыхание везикулярное")
                .containsEntry("recommendations", "Обильное питьё");
        assertThat(visitProtocols.fileHomeVisit(write, visit, doctor.id(), LocalDate.now(clock), protocol))
                .as("the same visit again")
                .isNull();
    }

    @Test
    void aDoctorWithoutACareRelationshipGetsNoDecisionToFileWithAndAReadingDecisionFilesNothing() {
        var patient = patient();
        var doctor = TestCare.doctor(
                clinics, TestClinics.register(clinics, "Чужая клиника").id());
        var protocol = new VisitProtocols.VisitProtocol(null, "Осмотр", "Здоров", null);
        var view = access.require(patient.user(), patient.patientId(), RecordAction.VIEW);

        assertThatThrownBy(() -> visitProtocols.fileHomeVisit(
                        view, UUID.randomUUID(), doctor.id(), LocalDate.now(clock), protocol))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(recordReading.record(view, RecordFilter.all()).entries()).isEmpty();

        assertThatThrownBy(() -> access.require(TestCare.signedIn(doctor), patient.patientId(), RecordAction.WRITE))
                .isInstanceOf(NotFound.class);
    }
}
